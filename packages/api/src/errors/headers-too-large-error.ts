import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The request line and headers are over the HTTP parser's limit (HTTP 431). */
export class HeadersTooLargeError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("headers_too_large", message, options);
  }
}
