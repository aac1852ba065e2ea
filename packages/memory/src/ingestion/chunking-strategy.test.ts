import { describe, expect, it } from "vitest";
import { ChunkingStrategySchema, chunkWindow, parseChunkingStrategy } from "./chunking-strategy.ts";

const staticStrategy = (max_chunk_size_tokens: number, chunk_overlap_tokens: number) => ({
  type: "static",
  static: { max_chunk_size_tokens, chunk_overlap_tokens },
});

function failure(value: unknown): { message: string; param: string | undefined } {
  try {
    parseChunkingStrategy(value);
  } catch (error) {
    const { message, param, kind } = error as { message: string; param?: string; kind: string };
    expect(kind).toBe("invalid_request");
    return { message, param };
  }
  throw new Error("expected a validation error");
}

describe("chunking strategy", () => {
  it("resolves auto to 800/400", () => {
    expect(chunkWindow(parseChunkingStrategy({ type: "auto" }))).toEqual({
      maxTokens: 800,
      overlapTokens: 400,
    });
  });

  it("accepts the static bounds", () => {
    expect(chunkWindow(parseChunkingStrategy(staticStrategy(100, 50)))).toEqual({
      maxTokens: 100,
      overlapTokens: 50,
    });
    expect(ChunkingStrategySchema.safeParse(staticStrategy(4096, 0)).success).toBe(true);
  });

  it("names the field at fault", () => {
    expect(failure(staticStrategy(99, 0))).toEqual({
      message: "Invalid chunking_strategy.static.max_chunk_size_tokens: must be at least 100",
      param: "chunking_strategy.static.max_chunk_size_tokens",
    });
    expect(failure(staticStrategy(5000, 0)).param).toBe("chunking_strategy.static.max_chunk_size_tokens");
    expect(failure(staticStrategy(400, 201))).toEqual({
      message:
        "Invalid chunking_strategy.static.chunk_overlap_tokens: must not exceed half of max_chunk_size_tokens",
      param: "chunking_strategy.static.chunk_overlap_tokens",
    });
    expect(failure(staticStrategy(400, -1)).param).toBe("chunking_strategy.static.chunk_overlap_tokens");
    expect(failure(staticStrategy(400.5, 0)).message).toContain("must be an integer");
    expect(failure({ type: "static" }).param).toBe("chunking_strategy.static");
    expect(failure({ type: "contextual" })).toEqual({
      message: 'Invalid chunking_strategy.type: must be "auto" or "static"',
      param: "chunking_strategy.type",
    });
  });
});
