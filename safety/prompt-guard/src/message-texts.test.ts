import { describe, expect, it } from "vitest";
import { messageTexts } from "./message-texts.ts";

const messages = [
  { role: "system", content: "Be nice." },
  {
    role: "user",
    content: [{ type: "text", text: "Hello" }, { type: "image_url" }, { type: "text", text: "there" }],
  },
  { role: "assistant", content: null, tool_calls: [{ function: { name: "f", arguments: "{}" } }] },
  { role: "tool", content: "Result text" },
];

describe("messageTexts", () => {
  it("takes the last message, or every message, with its index", () => {
    expect(messageTexts(messages, "last")).toEqual([{ messageIndex: 3, text: "Result text" }]);
    expect(messageTexts(messages, "all")).toEqual([
      { messageIndex: 0, text: "Be nice." },
      { messageIndex: 1, text: "Hello there" },
      { messageIndex: 2, text: "" },
      { messageIndex: 3, text: "Result text" },
    ]);
  });

  it("gives nothing for no messages", () => {
    expect(messageTexts([], "last")).toEqual([]);
  });
});
