import type { ChatMessage } from "@llama-stack-ts/api";

/**
 * `truncation: "auto"`: drops the oldest turn the model can do without — the first message after
 * the system prompt, with the tool results of its calls — never the last message. False when
 * nothing more can go.
 */
export function dropOldestMessage(messages: ChatMessage[]): boolean {
  const first = messages.findIndex((m) => m.role !== "system" && m.role !== "developer");
  if (first === -1 || first >= messages.length - 1) return false;
  let end = first + 1;
  // A call's results go with it: a tool message without its call is no message at all.
  while (end < messages.length - 1 && messages[end]!.role === "tool") end++;
  messages.splice(first, end - first);
  return true;
}
