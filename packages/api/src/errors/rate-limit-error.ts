import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** Too many requests or a full queue; carries how long to wait (HTTP 429). */
export class RateLimitError extends StackError {
  constructor(message: string, options: StackErrorOptions & { retryAfterSeconds: number }) {
    super("rate_limit", message, { retryable: true, ...options });
  }
}
