import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The Stack cannot serve this right now, e.g. an API that is not enabled (HTTP 503). */
export class ServiceUnavailableError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("service_unavailable", message, options);
  }
}
