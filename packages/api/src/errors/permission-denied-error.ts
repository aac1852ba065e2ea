import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The principal may not perform this action (HTTP 403). */
export class PermissionDeniedError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("permission_denied", message, options);
  }
}
