import { z } from "zod";
import { VECTOR_SEARCH_DEFAULTS } from "../vector-io/vector-search-defaults.ts";
import { VectorStoreFilterSchema } from "./vector-store-filter.ts";

/** `POST /v1/vector_stores/{id}/search`; `search_mode` is a Llama Stack extra. */
export const VectorStoreSearchRequestSchema = z
  .looseObject({
    query: z.union([z.string().min(1), z.array(z.string()).min(1)]),
    filters: VectorStoreFilterSchema.optional(),
    max_num_results: z.number().int().min(1).max(50).default(VECTOR_SEARCH_DEFAULTS.maxNumResults),
    ranking_options: z
      .looseObject({
        ranker: z.enum(["auto", "default-2024-11-15", "rrf", "weighted", "neural", "normalized"]).optional(),
        score_threshold: z.number().optional(),
        alpha: z.number().min(0).max(1).optional(),
        impact_factor: z.number().positive().optional(),
      })
      .optional(),
    rewrite_query: z.boolean().optional(),
    search_mode: z
      .enum(["vector", "keyword", "hybrid"], { error: 'must be "vector", "keyword" or "hybrid"' })
      .default("vector"),
  })
  .meta({ id: "VectorStoreSearchRequest" });
export type VectorStoreSearchRequest = z.infer<typeof VectorStoreSearchRequestSchema>;

export const VectorStoreSearchResultSchema = z.object({
  file_id: z.string().nullable(),
  filename: z.string().nullable(),
  score: z.number(),
  attributes: z.record(z.string(), z.unknown()),
  content: z.array(z.object({ type: z.literal("text"), text: z.string() })),
});
export type VectorStoreSearchResult = z.infer<typeof VectorStoreSearchResultSchema>;

export const VectorStoreSearchResponseSchema = z
  .object({
    object: z.literal("vector_store.search_results.page"),
    search_query: z.array(z.string()),
    data: z.array(VectorStoreSearchResultSchema),
    has_more: z.literal(false),
    next_page: z.null(),
  })
  .meta({ id: "VectorStoreSearchResponse" });
export type VectorStoreSearchResponse = z.infer<typeof VectorStoreSearchResponseSchema>;
