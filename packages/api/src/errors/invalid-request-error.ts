import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The request is malformed or names an impossible value (HTTP 400). */
export class InvalidRequestError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("invalid_request", message, options);
  }
}
