import {
  type ApiCall,
  type InferenceApi,
  VECTOR_SEARCH_DEFAULTS,
  type VectorIoApi,
  type VectorStoreSearchRequest,
  type VectorStoreSearchResponse,
} from "@llama-stack-ts/api";
import { stringOrUndefined } from "../vector-io/string-or-undefined.ts";
import { vectorRanker } from "../vector-io/vector-ranker.ts";
import { type RewriteQueryParams, rewriteQuery } from "./rewrite-query.ts";

export interface SearchVectorStoreOptions {
  vectorIo: VectorIoApi;
  inference: InferenceApi;
  /** `vector_stores.rewrite_query_params`; without a model, `rewrite_query` is a 400. */
  rewrite?: RewriteQueryParams | undefined;
}

/**
 * `POST /v1/vector_stores/{id}/search`: the OpenAI request becomes one `VectorQuery` (missing
 * ranking options from `VECTOR_SEARCH_DEFAULTS`), searched through the vector-io router; chunk
 * metadata `document_id` / `filename` name the file of each result.
 */
export async function searchVectorStore(
  storeId: string,
  request: VectorStoreSearchRequest,
  options: SearchVectorStoreOptions,
  call: ApiCall,
): Promise<VectorStoreSearchResponse> {
  const asked = typeof request.query === "string" ? [request.query] : request.query;
  const queries = request.rewrite_query
    ? [await rewriteQuery(asked.join(" "), options.rewrite, options.inference, call)]
    : asked;
  const ranking = request.ranking_options;
  const result = await options.vectorIo.search(
    storeId,
    {
      mode: request.search_mode,
      text: queries.join(" "),
      k: request.max_num_results,
      scoreThreshold: ranking?.score_threshold ?? VECTOR_SEARCH_DEFAULTS.scoreThreshold,
      ...(request.filters ? { filters: request.filters } : {}),
      ranker: vectorRanker(ranking?.ranker, ranking),
    },
    call,
  );
  return {
    object: "vector_store.search_results.page",
    search_query: queries,
    data: result.chunks.map((chunk, i) => ({
      file_id: stringOrUndefined(chunk.metadata.document_id) ?? chunk.documentId ?? null,
      filename: stringOrUndefined(chunk.metadata.filename) ?? null,
      score: result.scores[i] ?? 0,
      attributes: chunk.metadata,
      content: [{ type: "text" as const, text: chunk.content }],
    })),
    has_more: false,
    next_page: null,
  };
}
