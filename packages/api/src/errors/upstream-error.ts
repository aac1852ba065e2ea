import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** A remote engine or service failed or could not be reached (HTTP 502). */
export class UpstreamError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("upstream", message, options);
  }
}
