export type { Chunk } from "./chunk.ts";
export { chunkText } from "./chunk-text.ts";
export {
  type ChunkingStrategy,
  ChunkingStrategySchema,
  chunkWindow,
  DEFAULT_CHUNK_OVERLAP_TOKENS,
  DEFAULT_CHUNK_SIZE_TOKENS,
  parseChunkingStrategy,
} from "./chunking-strategy.ts";
export { countTokens } from "./count-tokens.ts";
export { documentChunker } from "./document-chunker.ts";
export { parseDocument } from "./parse-document.ts";
export type { DocumentFormat, ParseDocumentInput, ParsedDocument } from "./parsed-document.ts";
export { UnsupportedDocumentError } from "./unsupported-document-error.ts";
