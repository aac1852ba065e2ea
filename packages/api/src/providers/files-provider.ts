import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

/**
 * Byte storage behind `/v1/files`; metadata lives in the Stack's database. Ids are server-made
 * (`file-…`). `put` is all or nothing: if the bytes fail, run over `maxFileSizeBytes`
 * (`PayloadTooLargeError`) or the signal aborts, nothing is kept under the id.
 */
export interface FilesProvider extends ProviderInstance {
  /** The largest file `put` accepts. */
  readonly maxFileSizeBytes: number;
  put(fileId: string, bytes: AsyncIterable<Uint8Array>, options: CallOptions): Promise<{ bytes: number }>;
  /** The stored bytes; `NotFoundError` when there are none. */
  get(fileId: string, options: CallOptions): Promise<AsyncIterable<Uint8Array>>;
  /** Idempotent: deleting missing bytes is not an error. */
  delete(fileId: string, options: CallOptions): Promise<void>;
}
