import type { VectorStore, VectorStoreFileCounts } from "@llama-stack-ts/api";
import type { VectorStoreRow } from "../../storage/schema.ts";
import { seconds } from "./to-vector-store-file.ts";

/** A `vector_stores` row and its files' usage as the OpenAI VectorStore object. */
export function toVectorStore(
  row: VectorStoreRow,
  usage: { fileCounts: VectorStoreFileCounts; usageBytes: number },
): VectorStore {
  return {
    id: row.id,
    object: "vector_store",
    created_at: seconds(row.createdAt),
    name: row.name,
    usage_bytes: usage.usageBytes,
    file_counts: usage.fileCounts,
    status: usage.fileCounts.in_progress > 0 ? "in_progress" : "completed",
    expires_after: row.expiresAfter,
    expires_at: row.expiresAt ? seconds(row.expiresAt) : null,
    last_active_at: row.lastActiveAt ? seconds(row.lastActiveAt) : null,
    metadata: row.metadata,
  };
}
