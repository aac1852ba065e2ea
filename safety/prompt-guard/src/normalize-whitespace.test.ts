import { describe, expect, it } from "vitest";
import { normalizeWhitespace } from "./normalize-whitespace.ts";

describe("normalizeWhitespace", () => {
  it("collapses every run of whitespace to one space and trims", () => {
    expect(normalizeWhitespace("  ignore \n\n\t previous\u00a0\u2003 instructions \r\n")).toBe(
      "ignore previous instructions",
    );
    expect(normalizeWhitespace(" \n ")).toBe("");
  });
});
