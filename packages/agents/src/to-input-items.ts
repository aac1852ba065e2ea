import { type ConversationItem, type ConversationItemInput, newId } from "@llama-stack-ts/api";

/**
 * A request's `input` as stored items: a string is one user message; each item gets its `id`
 * (`msg_…`, `item_…`), a message's string content one text part, and `completed` status.
 */
export function toInputItems(input: string | ConversationItemInput[]): ConversationItem[] {
  const items: ConversationItemInput[] =
    typeof input === "string" ? [{ role: "user", content: input }] : input;
  return items.map((item) => {
    if (item.type === undefined || item.type === "message") {
      const content =
        typeof item.content === "string"
          ? [
              item.role === "assistant"
                ? { type: "output_text", text: item.content, annotations: [] }
                : { type: "input_text", text: item.content },
            ]
          : item.content;
      return {
        ...item,
        type: "message",
        id: item.id ?? newId("message"),
        content,
        status: item.status ?? "completed",
      };
    }
    return { ...item, type: item.type, id: item.id ?? newId("item") };
  });
}
