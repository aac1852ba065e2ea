import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** Well-formed input that cannot be processed, e.g. a prompt no model can take (HTTP 422). */
export class UnprocessableError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("unprocessable", message, options);
  }
}
