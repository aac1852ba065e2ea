import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

/** Byte storage behind `/v1/files`; metadata lives in the Stack's database. */
export interface FilesProvider extends ProviderInstance {
  put(fileId: string, bytes: AsyncIterable<Uint8Array>, options: CallOptions): Promise<{ bytes: number }>;
  get(fileId: string, options: CallOptions): Promise<AsyncIterable<Uint8Array>>;
  delete(fileId: string, options: CallOptions): Promise<void>;
}
