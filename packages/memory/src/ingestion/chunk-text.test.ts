import { describe, expect, it } from "vitest";
import { chunkText } from "./chunk-text.ts";
import { countTokens } from "./count-tokens.ts";
import { sampleProse } from "./test-helpers/sample-prose.ts";

const staticStrategy = (max_chunk_size_tokens: number, chunk_overlap_tokens: number) =>
  ({ type: "static", static: { max_chunk_size_tokens, chunk_overlap_tokens } }) as const;

describe("chunkText", () => {
  const prose = sampleProse(400);

  it("keeps every chunk within the maximum and never empty", () => {
    for (const [size, overlap] of [
      [100, 0],
      [100, 50],
      [256, 64],
      [800, 400],
    ] as const) {
      const chunks = chunkText(prose, staticStrategy(size, overlap));
      for (const chunk of chunks) {
        expect(chunk.tokenCount).toBeLessThanOrEqual(size);
        expect(countTokens(chunk.text)).toBe(chunk.tokenCount);
        expect(chunk.text.trim()).not.toBe("");
        expect(chunk.endToken - chunk.startToken).toBeLessThanOrEqual(size);
      }
      // Only the last window may be short; cuts move back at most a tenth of the window.
      for (const chunk of chunks.slice(0, -1))
        expect(chunk.endToken - chunk.startToken).toBeGreaterThanOrEqual(size * 0.9);
    }
  });

  it("overlaps consecutive chunks by about the requested tokens and covers the whole text", () => {
    const chunks = chunkText(prose, staticStrategy(200, 50));
    expect(chunks[0]!.startToken).toBe(0);
    expect(chunks.at(-1)!.endToken).toBe(countTokens(prose));
    for (let index = 1; index < chunks.length; index++) {
      const shared = chunks[index - 1]!.endToken - chunks[index]!.startToken;
      expect(shared).toBeLessThanOrEqual(50);
      expect(shared).toBeGreaterThanOrEqual(40);
      expect(chunks[index]!.index).toBe(index);
    }
  });

  it("has no overlap when asked for none", () => {
    const chunks = chunkText(prose, staticStrategy(150, 0));
    for (let index = 1; index < chunks.length; index++) {
      expect(chunks[index]!.startToken).toBe(chunks[index - 1]!.endToken);
    }
  });

  it("ends chunks at sentence ends rather than mid-sentence when one is near", () => {
    const chunks = chunkText(prose, staticStrategy(300, 0));
    for (const chunk of chunks.slice(0, -1)) expect(chunk.text).toMatch(/\.$/);
  });

  it("defaults to auto, 800 tokens with 400 overlap", () => {
    const chunks = chunkText(prose);
    expect(chunks.length).toBeGreaterThan(2);
    expect(Math.max(...chunks.map((chunk) => chunk.tokenCount))).toBeLessThanOrEqual(800);
    expect(Math.max(...chunks.map((chunk) => chunk.tokenCount))).toBeGreaterThan(720);
    expect(chunks[0]!.endToken - chunks[1]!.startToken).toBeLessThanOrEqual(400);
    expect(chunks[0]!.endToken - chunks[1]!.startToken).toBeGreaterThan(360);
    expect(chunkText(prose, { type: "auto" })).toEqual(chunks);
  });

  it("chunks a 10k-token document into the expected number of windows", () => {
    let text = sampleProse(40, 7);
    while (countTokens(text) < 10_000) text += `\n\n${sampleProse(10, text.length)}`;
    const total = countTokens(text);
    const chunks = chunkText(text, { type: "auto" });
    // Windows advance by 400–480 tokens (the step, minus at most a tenth of the window).
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil((total - 800) / 480) + 1);
    expect(chunks.length).toBeLessThanOrEqual(Math.ceil((total - 800) / 400) + 1 + 1);
    expect(chunks.at(-1)!.endToken).toBe(total);
  });

  it("returns nothing for empty or blank text, one chunk for short text", () => {
    expect(chunkText("", { type: "auto" })).toEqual([]);
    expect(chunkText(" \n\n\t ", { type: "auto" })).toEqual([]);
    expect(chunkText("  Just one line.  ", { type: "auto" })).toEqual([
      { index: 0, text: "Just one line.", tokenCount: 4, startToken: 1, endToken: 5 },
    ]);
  });

  it("splits text without spaces between characters, never inside one", () => {
    const text = "数据".repeat(600) + "🙂".repeat(300) + "x".repeat(3000);
    const chunks = chunkText(text, staticStrategy(100, 10));
    for (const chunk of chunks) {
      expect(chunk.tokenCount).toBeLessThanOrEqual(100);
      expect(chunk.text).not.toMatch(
        /\uFFFD|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/,
      );
    }
    expect(chunks.map((chunk) => chunk.text).join("")).toContain("数据数据");
  });

  it("is deterministic", () => {
    expect(chunkText(prose, staticStrategy(128, 32))).toEqual(chunkText(prose, staticStrategy(128, 32)));
  });

  it("rejects an invalid strategy", () => {
    expect(() => chunkText("text", staticStrategy(50, 0))).toThrow(
      /max_chunk_size_tokens: must be at least 100/,
    );
  });
});
