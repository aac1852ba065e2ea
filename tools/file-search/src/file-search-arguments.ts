import { VectorStoreFilterSchema, VectorStoreSearchRequestSchema } from "@llama-stack-ts/api";
import { z } from "zod";

/** `file_search` / `knowledge_search` arguments: the vector-stores search request plus its stores. */
export const FileSearchArgumentsSchema = z.object({
  query: z.string().min(1).describe("What to look for in the files"),
  vector_store_ids: z.array(z.string().min(1)).min(1).describe("The vector stores to search"),
  max_num_results: z.number().int().min(1).max(50).optional().describe("How many chunks to return"),
  search_mode: z
    .enum(["vector", "keyword", "hybrid"])
    .optional()
    .describe("vector (default), keyword, or hybrid (both, fused by the ranker)"),
  ranking_options: VectorStoreSearchRequestSchema.shape.ranking_options,
  filters: VectorStoreFilterSchema.optional().describe("Conditions on the files' attributes"),
});
export type FileSearchArguments = z.infer<typeof FileSearchArgumentsSchema>;
