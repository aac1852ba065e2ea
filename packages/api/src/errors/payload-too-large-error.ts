import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The request body or an uploaded file is over the configured limit (HTTP 413). */
export class PayloadTooLargeError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("payload_too_large", message, options);
  }
}
