import type { ChatMessage } from "@llama-stack-ts/api";

/**
 * The text of a message's content. Image parts render as nothing and file parts are ignored: the
 * Llama 3 text models have no image tokens and files are resolved before inference, if at all.
 */
export function messageText(content: ChatMessage["content"], separator = ""): string {
  if (content === null || content === undefined) return "";
  if (typeof content === "string") return content;
  return content.flatMap((part) => (part.type === "text" ? [part.text] : [])).join(separator);
}
