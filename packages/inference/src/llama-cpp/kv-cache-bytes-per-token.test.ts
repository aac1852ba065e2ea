import type { GgufMetadata } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { kvCacheBytesPerToken } from "./kv-cache-bytes-per-token.ts";

const llama = (attention: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  ({
    general: { architecture: "llama" },
    llama: { block_count: 16, embedding_length: 2048, attention, ...extra },
  }) as unknown as GgufMetadata;

describe("kvCacheBytesPerToken", () => {
  it("counts keys and values of every layer (Llama 3.2 1B: 32 KiB in F16)", () => {
    expect(kvCacheBytesPerToken(llama({ head_count: 32, head_count_kv: 8 }))).toBe(32 * 1024);
  });

  it("follows the cache type and explicit key/value lengths", () => {
    const metadata = llama({ head_count: 32, head_count_kv: 8, key_length: 128, value_length: 128 });
    expect(kvCacheBytesPerToken(metadata, "F16")).toBe(16 * 8 * 256 * 2);
    expect(kvCacheBytesPerToken(metadata, "Q8_0")).toBe((16 * 8 * 256 * 34) / 32);
  });

  it("sums per-layer head counts", () => {
    const metadata = llama({ head_count: [32, 32], head_count_kv: [8, 0] }, { block_count: 2 });
    expect(kvCacheBytesPerToken(metadata)).toBe(8 * 128 * 2);
  });

  it("is undefined without the sizes", () => {
    expect(kvCacheBytesPerToken({ general: { architecture: "llama" } } as unknown as GgufMetadata)).toBe(
      undefined,
    );
  });
});
