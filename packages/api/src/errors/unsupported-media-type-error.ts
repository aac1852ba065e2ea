import { StackError, type StackErrorOptions } from "./stack-error.ts";

/** The request body has a content type the route does not accept (HTTP 415). */
export class UnsupportedMediaTypeError extends StackError {
  constructor(message: string, options?: StackErrorOptions) {
    super("unsupported_media_type", message, options);
  }
}
