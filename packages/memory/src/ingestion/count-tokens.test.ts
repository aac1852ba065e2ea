import { describe, expect, it } from "vitest";
import { cl100kTokenizer } from "./cl100k-tokenizer.ts";
import { countTokens } from "./count-tokens.ts";
import { sampleProse } from "./test-helpers/sample-prose.ts";

describe("countTokens", () => {
  it("counts cl100k_base tokens", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("hello world")).toBe(2);
    expect(countTokens("The quick brown fox jumps over the lazy dog.")).toBe(10);
  });

  it("agrees with whole-text encoding on ordinary text", () => {
    const text = `${sampleProse(30)}\n\n  Indented, "quoted" — and 12345678 numbers; ünïcödé 数据库 🙂.\r\n`;
    expect(countTokens(text)).toBe(cl100kTokenizer().encode(text, [], []).length);
  });

  it("counts a long unbroken run without whole-piece BPE", () => {
    const blob = Buffer.from(Array.from({ length: 30_000 }, (_, index) => (index * 7919) % 256)).toString(
      "base64",
    );
    const tokens = countTokens(blob);
    expect(tokens).toBeGreaterThan(blob.length / 8);
    expect(tokens).toBeLessThanOrEqual(blob.length);
  });

  it("treats special-token text as plain text instead of throwing", () => {
    expect(countTokens("<|endoftext|>")).toBeGreaterThan(1);
  });
});
