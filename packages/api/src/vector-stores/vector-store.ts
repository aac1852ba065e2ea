import { z } from "zod";
import { CursorPageQuerySchema } from "../common/cursor-page.ts";

const MetadataSchema = z.record(z.string(), z.unknown());

/** `auto`, `static` or `contextual`; the ingestion step checks what it can apply. */
export const VectorStoreChunkingStrategySchema = z
  .looseObject({ type: z.enum(["auto", "static", "contextual"]) })
  .meta({ id: "VectorStoreChunkingStrategy" });
export type VectorStoreChunkingStrategy = z.infer<typeof VectorStoreChunkingStrategySchema>;

export const VectorStoreExpiresAfterSchema = z
  .object({ anchor: z.literal("last_active_at"), days: z.number().int().min(1).max(365) })
  .meta({ id: "VectorStoreExpiresAfter" });
export type VectorStoreExpiresAfter = z.infer<typeof VectorStoreExpiresAfterSchema>;

export const VectorStoreFileCountsSchema = z.object({
  cancelled: z.number().int(),
  completed: z.number().int(),
  failed: z.number().int(),
  in_progress: z.number().int(),
  total: z.number().int(),
});
export type VectorStoreFileCounts = z.infer<typeof VectorStoreFileCountsSchema>;

/** The OpenAI vector store object. */
export const VectorStoreSchema = z
  .object({
    id: z.string().describe("`vs_…`"),
    object: z.literal("vector_store"),
    created_at: z.number().int().describe("Unix seconds."),
    name: z.string().nullable(),
    usage_bytes: z.number().int(),
    file_counts: VectorStoreFileCountsSchema,
    status: z.enum(["completed", "in_progress", "expired"]),
    expires_after: VectorStoreExpiresAfterSchema.nullable().optional(),
    expires_at: z.number().int().nullable().optional(),
    last_active_at: z.number().int().nullable().optional(),
    metadata: MetadataSchema,
  })
  .meta({ id: "VectorStore" });
export type VectorStore = z.infer<typeof VectorStoreSchema>;

/** `POST /v1/vector_stores`; the Llama Stack extras may also sit in `metadata`, which wins. */
export const VectorStoreCreateRequestSchema = z
  .looseObject({
    name: z.string().optional(),
    file_ids: z.array(z.string().min(1)).optional(),
    metadata: MetadataSchema.optional(),
    chunking_strategy: VectorStoreChunkingStrategySchema.optional(),
    expires_after: VectorStoreExpiresAfterSchema.optional(),
    embedding_model: z.string().min(1).optional().describe("Llama Stack: the model that embeds chunks."),
    embedding_dimension: z
      .number()
      .int()
      .positive()
      .optional()
      .describe("Llama Stack: must match the model."),
    provider_id: z.string().min(1).optional().describe("Llama Stack: the vector_io provider."),
  })
  .meta({ id: "VectorStoreCreateRequest" });
export type VectorStoreCreateRequest = z.infer<typeof VectorStoreCreateRequestSchema>;

export const VectorStoreUpdateRequestSchema = z
  .looseObject({
    name: z.string().nullable().optional(),
    metadata: MetadataSchema.nullable().optional(),
    expires_after: VectorStoreExpiresAfterSchema.nullable().optional(),
  })
  .meta({ id: "VectorStoreUpdateRequest" });
export type VectorStoreUpdateRequest = z.infer<typeof VectorStoreUpdateRequestSchema>;

export const VectorStoreDeleteResponseSchema = z
  .object({ id: z.string(), object: z.literal("vector_store.deleted"), deleted: z.literal(true) })
  .meta({ id: "VectorStoreDeleteResponse" });
export type VectorStoreDeleteResponse = z.infer<typeof VectorStoreDeleteResponseSchema>;

export const ListVectorStoresQuerySchema = CursorPageQuerySchema;
export type ListVectorStoresQuery = z.infer<typeof ListVectorStoresQuerySchema>;
