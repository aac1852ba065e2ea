import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** An operation ran past its deadline (HTTP 504). */
export class TimeoutError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("timeout", message, options);
  }
}
