import type { ToolContent } from "@llama-stack-ts/api";

/**
 * Tool output cut to `maxChars` characters of text, with a marker the model and the user can see;
 * non-text items (images, resources) are kept while there is room, counted by their text.
 */
export function capToolOutput(
  content: ToolContent,
  maxChars: number,
): { content: ToolContent; truncated: boolean } {
  if (typeof content === "string") {
    if (content.length <= maxChars) return { content, truncated: false };
    return { content: content.slice(0, maxChars) + marker(maxChars, content.length), truncated: true };
  }
  let left = maxChars;
  let total = 0;
  const kept: Exclude<ToolContent, string> = [];
  for (const item of content) {
    const size = item.type === "text" ? item.text.length : JSON.stringify(item).length;
    total += size;
    if (left <= 0) continue;
    if (size <= left) {
      kept.push(item);
      left -= size;
    } else if (item.type === "text") {
      kept.push({ ...item, text: item.text.slice(0, left) });
      left = 0;
    } else {
      left = 0;
    }
  }
  if (total <= maxChars) return { content, truncated: false };
  kept.push({ type: "text", text: marker(maxChars, total) });
  return { content: kept, truncated: true };
}

function marker(shown: number, total: number): string {
  return `\n[output truncated: ${shown} of ${total} characters shown]`;
}
