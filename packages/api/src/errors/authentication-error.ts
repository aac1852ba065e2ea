import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** Missing or unknown credentials (HTTP 401). */
export class AuthenticationError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("authentication", message, options);
  }
}
