import { type ApiCall, type ToolCallContext, UpstreamError } from "@llama-stack-ts/api";
import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { FileSearchArgumentsSchema } from "./file-search-arguments.ts";
import { type FileSearchConfig, FileSearchConfigSchema } from "./file-search-config.ts";
import { formatFileSearchResults } from "./format-file-search-results.ts";
import { searchVectorStores } from "./search-vector-stores.ts";

/**
 * `inline::file-search`: `file_search` (and `knowledge_search`, the legacy RAG tool's name, same
 * behaviour) in `builtin::file_search`, searching vector stores through the vector-stores API as
 * the caller, formatted as upstream formats results for Llama models.
 */
export const fileSearchTools = defineToolGroup<FileSearchConfig>({
  type: "inline::file-search",
  description: "Searches vector stores and cites the files the answers come from.",
  configSchema: FileSearchConfigSchema,
  defaultToolGroups: ["builtin::file_search"],
  create({ config, api, logger }) {
    const tool = (name: string) =>
      defineTool({
        name,
        description:
          "Search the given vector stores for chunks relevant to the query; cite results as <|file-id|>.",
        parameters: FileSearchArgumentsSchema,
        async handler(args, call) {
          const { hits, failures } = await searchVectorStores(
            api("vector_stores"),
            args,
            args.max_num_results ?? config.max_num_results,
            apiCallOf(call),
          );
          for (const failure of failures) logger?.warn("file_search: a vector store failed", failure);
          if (failures.length === args.vector_store_ids.length) {
            throw new UpstreamError(
              `file_search found nothing to search: ${failures.map((f) => `${f.vector_store_id}: ${f.error}`).join("; ")}`,
            );
          }
          return {
            content: formatFileSearchResults(args.query, hits),
            metadata: {
              document_ids: hits.map((hit) => hit.file_id),
              chunks: hits.map((hit) => hit.text),
              scores: hits.map((hit) => hit.score),
              attributes: hits.map((hit) => hit.attributes),
              citation_files: Object.fromEntries(hits.map((hit) => [hit.file_id, hit.filename])),
              // Upstream puts the file id in `filename`; here each result keeps both.
              results: hits,
              ...(failures.length > 0 ? { failed_vector_stores: failures } : {}),
            },
          };
        },
      });
    const tools = [tool("file_search"), tool("knowledge_search")];
    return { tools: () => tools };
  },
});

/** The caller's identity, carried into the vector-stores API so owner scoping applies. */
function apiCallOf(call: ToolCallContext): ApiCall {
  return {
    access: call.principal
      ? { principal: call.principal, enforced: true }
      : { principal: null, enforced: false },
    signal: call.signal,
    ...(call.providerData ? { providerData: call.providerData } : {}),
  };
}
