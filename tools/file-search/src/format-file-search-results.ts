import type { ToolContentItem } from "@llama-stack-ts/api";
import type { FileSearchHit } from "./file-search-hit.ts";

// Upstream's templates (`core/datatypes.py`: file_search_params, annotation_prompt_params,
// context_prompt_params), so Llama models see what they see upstream.
const ANNOTATION_INSTRUCTION =
  "Cite sources immediately at the end of sentences before punctuation, using `<|file-id|>` format like " +
  "'This is a fact <|file-Cn3MSNn72ENTiiq11Qda4A|>.'. Do not add extra punctuation. Use only the file IDs " +
  "provided, do not invent new ones.";

/**
 * The tool's content for the model: a header, one `[i] document_id: …, score: … cite as <|id|>`
 * item per chunk, a footer, and the instruction to use them for this query only.
 */
export function formatFileSearchResults(query: string, hits: readonly FileSearchHit[]): ToolContentItem[] {
  const items: ToolContentItem[] = [
    {
      type: "text",
      text: `file_search tool found ${hits.length} chunks:\nBEGIN of file_search tool results.\n`,
    },
  ];
  hits.forEach((hit, i) => {
    const attributes =
      Object.keys(hit.attributes).length > 0 ? `, attributes: ${JSON.stringify(hit.attributes)}` : "";
    const metadataText = `document_id: ${hit.file_id}, score: ${hit.score}${attributes}`;
    items.push({
      type: "text",
      text: `[${i + 1}] ${metadataText} cite as <|${hit.file_id}|>\n${hit.text}\n`,
    });
  });
  items.push({ type: "text", text: "END of file_search tool results.\n" });
  const instruction = hits.length > 0 ? ANNOTATION_INSTRUCTION : "";
  items.push({
    type: "text",
    text:
      `The above results were retrieved to help answer the user's query: "${query}". ` +
      `Use them as supporting information only in answering this query. ${instruction}\n`,
  });
  return items;
}
