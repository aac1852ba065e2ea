import { z } from "zod";
import { VectorStoreFilterSchema } from "../vector-stores/vector-store-filter.ts";
import { VECTOR_SEARCH_DEFAULTS } from "./vector-search-defaults.ts";

/** Text, one text part, or a list of them (upstream's InterleavedContent, text only). */
export const InterleavedTextSchema = z.union([
  z.string(),
  z.looseObject({ type: z.literal("text").optional(), text: z.string() }),
  z.array(z.union([z.string(), z.looseObject({ type: z.literal("text").optional(), text: z.string() })])),
]);
export type InterleavedText = z.infer<typeof InterleavedTextSchema>;

export const ChunkSchema = z
  .looseObject({
    chunk_id: z.string().min(1).optional(),
    content: InterleavedTextSchema,
    /** Omit to have the store's embedding model embed `content`. */
    embedding: z.array(z.number()).min(1).optional(),
    embedding_dimension: z.number().int().positive().optional(),
    embedding_model: z.string().optional(),
    metadata: z.record(z.string(), z.unknown()).default({}),
    chunk_metadata: z.looseObject({ document_id: z.string().optional() }).optional(),
  })
  .meta({ id: "Chunk" });
export type Chunk = z.infer<typeof ChunkSchema>;

export const VectorIoInsertRequestSchema = z
  .looseObject({
    vector_store_id: z.string().min(1),
    chunks: z.array(ChunkSchema).min(1, "chunks must not be empty"),
    ttl_seconds: z.number().int().positive().optional(),
  })
  .meta({ id: "VectorIoInsertRequest" });
export type VectorIoInsertRequest = z.infer<typeof VectorIoInsertRequestSchema>;

export const VectorIoQueryRequestSchema = z
  .looseObject({
    vector_store_id: z.string().min(1),
    query: InterleavedTextSchema,
    params: z
      .looseObject({
        max_chunks: z.number().int().min(1).max(1000).default(VECTOR_SEARCH_DEFAULTS.maxChunks),
        mode: z.enum(["vector", "keyword", "hybrid"]).default("vector"),
        score_threshold: z.number().default(VECTOR_SEARCH_DEFAULTS.scoreThreshold),
        reranker_type: z.enum(["rrf", "weighted", "normalized", "neural"]).optional(),
        reranker_params: z
          .looseObject({
            impact_factor: z.number().positive().optional(),
            alpha: z.number().min(0).max(1).optional(),
          })
          .optional(),
        filters: VectorStoreFilterSchema.optional(),
      })
      .default({
        max_chunks: VECTOR_SEARCH_DEFAULTS.maxChunks,
        mode: "vector",
        score_threshold: VECTOR_SEARCH_DEFAULTS.scoreThreshold,
      }),
  })
  .meta({ id: "VectorIoQueryRequest" });
export type VectorIoQueryRequest = z.infer<typeof VectorIoQueryRequestSchema>;

export const QueryChunksResponseSchema = z
  .object({
    chunks: z.array(
      z.looseObject({
        chunk_id: z.string(),
        content: z.string(),
        metadata: z.record(z.string(), z.unknown()),
        chunk_metadata: z.looseObject({ document_id: z.string().nullable() }),
      }),
    ),
    scores: z.array(z.number()),
  })
  .meta({ id: "QueryChunksResponse" });
export type QueryChunksResponse = z.infer<typeof QueryChunksResponseSchema>;
