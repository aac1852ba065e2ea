import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** A resource that does not exist or that the caller may not see (HTTP 404). */
export class NotFoundError extends StackError {
  readonly resourceType: string;
  readonly resourceId: string;

  /** `new NotFoundError("Model", id, "Use GET /v1/models …")` → "Model 'x' not found. Use …". */
  constructor(resourceType: string, resourceId: string, hint?: string, options?: StackErrorOptions) {
    const message = `${resourceType} '${resourceId}' not found.${hint ? ` ${hint}` : ""}`;
    super("not_found", message, {
      code: `${resourceType.toLowerCase().replaceAll(" ", "_")}_not_found`,
      retryable: false,
      ...options,
    });
    this.resourceType = resourceType;
    this.resourceId = resourceId;
  }
}
