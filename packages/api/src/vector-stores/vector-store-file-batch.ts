import { z } from "zod";
import { VectorStoreChunkingStrategySchema, VectorStoreFileCountsSchema } from "./vector-store.ts";

/** Files attached together; each is ingested like a single attach. */
export const VectorStoreFileBatchSchema = z
  .object({
    id: z.string().describe("`vsfb_…`"),
    /** Upstream's and OpenAI's wire value (the openai SDK's `vector_store.files_batch` type is a known SDK error). */
    object: z.literal("vector_store.file_batch"),
    vector_store_id: z.string(),
    created_at: z.number().int().describe("Unix seconds."),
    status: z.enum(["in_progress", "completed", "cancelled", "failed"]),
    file_counts: VectorStoreFileCountsSchema,
  })
  .meta({ id: "VectorStoreFileBatch" });
export type VectorStoreFileBatch = z.infer<typeof VectorStoreFileBatchSchema>;

export const VectorStoreFileBatchCreateRequestSchema = z
  .looseObject({
    file_ids: z.array(z.string().min(1)).min(1, "file_ids must not be empty"),
    attributes: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
    chunking_strategy: VectorStoreChunkingStrategySchema.optional(),
  })
  .meta({ id: "VectorStoreFileBatchCreateRequest" });
export type VectorStoreFileBatchCreateRequest = z.infer<typeof VectorStoreFileBatchCreateRequestSchema>;
