import { type StackErrorOptions, UnprocessableError } from "@llama-stack-ts/api";

/**
 * A file that cannot become text: an unsupported type, or a damaged or unreadable document.
 * The message is written for people, because it becomes a vector-store file's `last_error`.
 */
export class UnsupportedDocumentError extends UnprocessableError {
  constructor(message: string, options?: StackErrorOptions) {
    super(message, options);
  }
}
