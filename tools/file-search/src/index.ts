export { type FileSearchArguments, FileSearchArgumentsSchema } from "./file-search-arguments.ts";
export { type FileSearchConfig, FileSearchConfigSchema } from "./file-search-config.ts";
export type { FileSearchHit } from "./file-search-hit.ts";
export { fileSearchTools, fileSearchTools as default } from "./file-search-tools.ts";
export { formatFileSearchResults } from "./format-file-search-results.ts";
export { searchVectorStores, type VectorStoresSearchOutcome } from "./search-vector-stores.ts";
