import { randomBytes } from "node:crypto";
import { type ConversationItem, type ConversationItemInput, ID_PREFIXES } from "@llama-stack-ts/api";

/**
 * An item as stored and answered: `type` and `id` always set (`msg_…` for messages, `item_…` for
 * the rest, 48 hex digits as upstream), a message's string content turned into one text part and
 * its status, like a function call's, `completed` unless given. Other fields are kept as sent.
 */
export function normalizeConversationItem(input: ConversationItemInput): ConversationItem {
  const type = input.type ?? "message";
  const id = input.id ?? newItemId(type === "message" ? "message" : "item");
  if (input.type === undefined || input.type === "message") {
    const content =
      typeof input.content === "string"
        ? [
            input.role === "assistant"
              ? { type: "output_text", text: input.content, annotations: [] }
              : { type: "input_text", text: input.content },
          ]
        : input.content;
    return { ...input, type, id, content, status: input.status ?? "completed" };
  }
  if (input.type === "function_call" || input.type === "function_call_output") {
    return { ...input, type, id, status: input.status ?? "completed" };
  }
  return { ...input, type, id };
}

/** `msg_` or `item_` and 48 lowercase hex digits. */
export function newItemId(kind: "message" | "item"): string {
  return ID_PREFIXES[kind] + randomBytes(24).toString("hex");
}
