import type { VectorStoreFile } from "@llama-stack-ts/api";
import type { VectorStoreFileRow } from "../../storage/schema.ts";

/** A `vector_store_files` row as the OpenAI VectorStoreFile object. */
export function toVectorStoreFile(row: VectorStoreFileRow): VectorStoreFile {
  return {
    id: row.fileId,
    object: "vector_store.file",
    vector_store_id: row.vectorStoreId,
    created_at: seconds(row.createdAt),
    status: row.status as VectorStoreFile["status"],
    usage_bytes: row.usageBytes,
    chunking_strategy: row.chunkingStrategy as VectorStoreFile["chunking_strategy"],
    attributes: row.attributes,
    last_error: row.lastError,
  };
}

export function seconds(date: Date): number {
  return Math.floor(date.getTime() / 1000);
}
