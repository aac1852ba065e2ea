import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The request conflicts with the current state of a resource (HTTP 409). */
export class ConflictError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("conflict", message, options);
  }
}
