import type { ChatMessage } from "@llama-stack-ts/api";
import { describe, expect, it } from "vitest";
import { dropOldestMessage } from "./drop-oldest-message.ts";

const call = { id: "c1", type: "function" as const, function: { name: "f", arguments: "{}" } };

describe("dropOldestMessage", () => {
  it("drops the oldest turn after the system prompt, a call with its results, never the last", () => {
    const messages: ChatMessage[] = [
      { role: "system", content: "be brief" },
      { role: "assistant", content: null, tool_calls: [call] },
      { role: "tool", tool_call_id: "c1", content: "42" },
      { role: "user", content: "old" },
      { role: "user", content: "now" },
    ];
    expect(dropOldestMessage(messages)).toBe(true);
    expect(messages.map((m) => m.content)).toEqual(["be brief", "old", "now"]);
    expect(dropOldestMessage(messages)).toBe(true);
    expect(messages.map((m) => m.content)).toEqual(["be brief", "now"]);
    expect(dropOldestMessage(messages)).toBe(false);
    expect(messages).toHaveLength(2);
  });
});
