import type { DocumentChunker } from "@llama-stack-ts/api";
import { chunkText } from "./chunk-text.ts";
import { parseChunkingStrategy } from "./chunking-strategy.ts";
import { parseDocument } from "./parse-document.ts";

/** Vector-store file ingestion: parse the document, then cut it into token windows. */
export const documentChunker: DocumentChunker = {
  checkStrategy(strategy) {
    parseChunkingStrategy(strategy ?? { type: "auto" });
  },
  async chunk(input, strategy) {
    const { text } = await parseDocument(input);
    return chunkText(text, parseChunkingStrategy(strategy ?? { type: "auto" })).map((chunk) => chunk.text);
  },
};
