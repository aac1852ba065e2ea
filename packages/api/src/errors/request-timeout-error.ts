import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The client took too long to send its request (HTTP 408); not an upstream timeout (504). */
export class RequestTimeoutError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("request_timeout", message, options);
  }
}
