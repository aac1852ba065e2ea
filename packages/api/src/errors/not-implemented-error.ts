import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The configured provider does not support this operation (HTTP 501). */
export class NotImplementedError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("not_implemented", message, options);
  }
}
