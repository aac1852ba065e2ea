/** One message's text for Prompt Guard, with its index in the request's `messages`. */
export interface MessageText {
  messageIndex: number;
  text: string;
}

/**
 * The texts to score: the last message's (upstream) or every message's. Content is a string or
 * text parts (joined with a space); images and other parts are skipped, as are tool calls.
 */
export function messageTexts(messages: readonly unknown[], which: "last" | "all"): MessageText[] {
  const indices = which === "last" ? [messages.length - 1] : messages.map((_, index) => index);
  return indices
    .filter((index) => index >= 0)
    .map((index) => ({ messageIndex: index, text: contentText(messages[index]) }));
}

function contentText(message: unknown): string {
  if (typeof message !== "object" || message === null) return "";
  const content = (message as Record<string, unknown>).content;
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .flatMap((part: unknown) => {
      if (typeof part === "string") return [part];
      if (typeof part !== "object" || part === null) return [];
      const { type, text } = part as Record<string, unknown>;
      return typeof text === "string" && (type === "text" || type === "input_text" || type === "output_text")
        ? [text]
        : [];
    })
    .join(" ");
}
