import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The client speaks an incompatible API version (HTTP 426). */
export class UpgradeRequiredError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("upgrade_required", message, options);
  }
}
