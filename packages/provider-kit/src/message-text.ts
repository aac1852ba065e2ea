/** Content part types whose `text` is the message's words (chat `text`, Responses `input_text`/`output_text`). */
const TEXT_PART_TYPES = new Set(["text", "input_text", "output_text"]);

/**
 * The text of a message's content, in whatever shape it came: a string, an array of parts (chat,
 * Responses or Llama Stack interleaved content, bare strings included) or one `{text}` part.
 * Images, files and other parts contribute nothing; callers that must refuse them check first.
 *
 * @example
 * messageText([{ type: "text", text: "a" }, { type: "image_url", image_url: { url } }, "b"], { separator: "\n" }); // "a\nb"
 */
export function messageText(content: unknown, options: { separator?: string } = {}): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  const parts = Array.isArray(content) ? content : [content];
  const texts: string[] = [];
  for (const part of parts) {
    if (typeof part === "string") {
      texts.push(part);
    } else if (typeof part === "object" && part !== null) {
      const { type, text } = part as { type?: unknown; text?: unknown };
      if (typeof text === "string" && (type === undefined || TEXT_PART_TYPES.has(String(type))))
        texts.push(text);
    }
  }
  return texts.join(options.separator ?? "");
}
