import type { ApiCall, VectorStoresApi } from "@llama-stack-ts/api";
import type { FileSearchArguments } from "./file-search-arguments.ts";
import type { FileSearchHit } from "./file-search-hit.ts";

const INGESTION_KEYS = new Set(["document_id", "filename"]);

export interface VectorStoresSearchOutcome {
  hits: FileSearchHit[];
  failures: { vector_store_id: string; error: string }[];
}

/**
 * Searches each store, merges by score and keeps the best `maxNumResults`. A store that fails
 * is reported, not fatal, so one bad id among several still answers from the others.
 */
export async function searchVectorStores(
  vectorStores: VectorStoresApi,
  args: FileSearchArguments,
  maxNumResults: number,
  call: ApiCall,
): Promise<VectorStoresSearchOutcome> {
  const outcome: VectorStoresSearchOutcome = { hits: [], failures: [] };
  for (const storeId of args.vector_store_ids) {
    try {
      const page = await vectorStores.search(
        storeId,
        {
          query: args.query,
          max_num_results: maxNumResults,
          search_mode: args.search_mode ?? "vector",
          ...(args.ranking_options ? { ranking_options: args.ranking_options } : {}),
          ...(args.filters ? { filters: args.filters } : {}),
        },
        call,
      );
      for (const result of page.data) {
        const fileId = result.file_id ?? "unknown";
        outcome.hits.push({
          vector_store_id: storeId,
          file_id: fileId,
          filename: result.filename ?? "unknown",
          score: result.score,
          text: result.content.map((part) => part.text).join("\n"),
          attributes: Object.fromEntries(
            Object.entries(result.attributes).filter(([key]) => !INGESTION_KEYS.has(key)),
          ),
        });
      }
    } catch (error) {
      // The caller going away is not a store's failure.
      if (call.signal?.aborted) throw error;
      outcome.failures.push({
        vector_store_id: storeId,
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  outcome.hits.sort((a, b) => b.score - a.score);
  outcome.hits.splice(maxNumResults);
  return outcome;
}
