import { ConversationItemInputSchema } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { normalizeConversationItem } from "./normalize-conversation-item.ts";

const parse = (value: unknown) => ConversationItemInputSchema.parse(value);

describe("normalizeConversationItem", () => {
  it("turns an easy input message into a message item with a text part, id and status", () => {
    expect(normalizeConversationItem(parse({ role: "user", content: "Hello" }))).toEqual({
      type: "message",
      id: expect.stringMatching(/^msg_[0-9a-f]{48}$/),
      role: "user",
      content: [{ type: "input_text", text: "Hello" }],
      status: "completed",
    });
    expect(normalizeConversationItem(parse({ role: "assistant", content: "Hi" })).content).toEqual([
      { type: "output_text", text: "Hi", annotations: [] },
    ]);
  });

  it("keeps a given id and fields it does not know; other items get item_ ids", () => {
    const call = normalizeConversationItem(
      parse({ type: "function_call", call_id: "c1", name: "f", arguments: "{}", extra: { kept: true } }),
    );
    expect(call).toEqual({
      type: "function_call",
      id: expect.stringMatching(/^item_[0-9a-f]{48}$/),
      call_id: "c1",
      name: "f",
      arguments: "{}",
      extra: { kept: true },
      status: "completed",
    });
    const search = parse({
      type: "web_search_call",
      id: "ws_1",
      status: "completed",
      action: { query: "q" },
    });
    expect(normalizeConversationItem(search)).toEqual(search);
  });

  it("refuses unknown item types and malformed common ones", () => {
    expect(ConversationItemInputSchema.safeParse({ type: "teleport" }).success).toBe(false);
    expect(ConversationItemInputSchema.safeParse({ role: "wizard", content: "x" }).success).toBe(false);
    expect(ConversationItemInputSchema.safeParse({ type: "function_call", name: "f" }).success).toBe(false);
    expect(
      ConversationItemInputSchema.safeParse({ role: "user", content: [{ type: "input_text" }] }).success,
    ).toBe(false);
  });
});
