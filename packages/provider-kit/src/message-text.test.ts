import { describe, expect, it } from "vitest";
import { messageText } from "./message-text.ts";

describe("messageText", () => {
  it("reads strings, chat parts, Responses parts, interleaved strings and one part", () => {
    expect(messageText("plain")).toBe("plain");
    expect(messageText(null)).toBe("");
    expect(messageText(undefined)).toBe("");
    expect(
      messageText(
        [
          { type: "text", text: "a" },
          { type: "image_url", image_url: { url: "data:," } },
          "b",
          { type: "input_text", text: "c" },
          { type: "output_text", text: "d" },
          { type: "file", file: { file_id: "file-1" } },
        ],
        { separator: "\n" },
      ),
    ).toBe("a\nb\nc\nd");
    expect(messageText({ type: "text", text: "one part" })).toBe("one part");
  });

  it("joins with nothing unless told, and skips parts that are not text", () => {
    expect(
      messageText([
        { type: "text", text: "a" },
        { type: "text", text: "b" },
      ]),
    ).toBe("ab");
    expect(messageText([{ type: "refusal", text: "no" }, 42, null], { separator: " " })).toBe("");
  });
});
