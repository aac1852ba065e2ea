import { isRecord } from "./is-record.ts";

/**
 * The text of a chat message's `content`: a string as is, or the `text` of its text parts (OpenAI
 * `{type: "text", text}` and the like) joined by newlines. Anything else yields "".
 */
export function messageText(message: Record<string, unknown>): string {
  const content = message.content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  const texts: string[] = [];
  for (const part of content) {
    if (typeof part === "string") {
      texts.push(part);
    } else if (isRecord(part) && typeof part.text === "string") {
      const type = part.type;
      if (type === undefined || type === "text" || type === "input_text" || type === "output_text")
        texts.push(part.text);
    }
  }
  return texts.join("\n");
}
