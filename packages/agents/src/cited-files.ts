import type { ConversationItem } from "@llama-stack-ts/api";

/**
 * The files a response may cite (`<|file-…|>`): those earlier turns' file searches returned (when
 * their results were kept); this response's own searches add theirs as they run.
 */
export function citedFiles(history: ConversationItem[]): Map<string, string> {
  const files = new Map<string, string>();
  for (const item of history) {
    if (item.type !== "file_search_call" || !Array.isArray(item.results)) continue;
    for (const result of item.results as { file_id?: unknown; filename?: unknown }[]) {
      if (typeof result.file_id === "string" && result.file_id !== "")
        files.set(result.file_id, typeof result.filename === "string" ? result.filename : result.file_id);
    }
  }
  return files;
}
