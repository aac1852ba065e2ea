import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The path exists, but not for this method (HTTP 405); `allowed` becomes the `Allow` header. */
export class MethodNotAllowedError extends StackError {
  readonly allowed: readonly string[];

  constructor(method: string, path: string, allowed: readonly string[], options?: StackErrorOptions) {
    super("method_not_allowed", `Method ${method} is not allowed on ${path}; use ${allowed.join(" or ")}.`, {
      retryable: false,
      ...options,
    });
    this.allowed = allowed;
  }
}
