import { messageText } from "@llama-stack-ts/provider-kit";

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
  return messageText((message as { content?: unknown }).content, { separator: " " });
}
