import { describe, expect, it } from "vitest";
import { storableJson } from "./storable-json.ts";

describe("storableJson", () => {
  it("returns the value itself when there is nothing to replace", () => {
    const value = { text: "ok 👋", list: [1, { a: null }] };
    expect(storableJson(value)).toBe(value);
    const lookalike = { text: "a\\u0000 (a backslash and 'u0000', not a NUL)" };
    expect(storableJson(lookalike)).toEqual(lookalike);
  });

  it("replaces NUL and unpaired surrogates, in keys too, keeping paired ones", () => {
    const value = { content: "a\u0000b", parts: [{ text: "x\ud800" }], "k\u0000": "\udc00👋" };
    expect(storableJson(value)).toEqual({
      content: "a\uFFFDb",
      parts: [{ text: "x\uFFFD" }],
      "k\uFFFD": "\uFFFD👋",
    });
    expect(value.content).toBe("a\u0000b");
  });
});
