import { describe, expect, it } from "vitest";
import { defaultParallel } from "./default-parallel.ts";

const GiB = 2 ** 30;
const MiB = 2 ** 20;

describe("defaultParallel", () => {
  it("is 4 with a GPU", () => {
    expect(defaultParallel({ gpu: true, kvCacheBytesPerSequence: 256 * MiB, memoryBytes: 16 * GiB })).toBe(4);
  });

  it("is 8 on CPU while 8 KV caches fit in an eighth of memory", () => {
    // Llama 3.2 1B at 8192 tokens: 256 MiB per sequence.
    expect(defaultParallel({ gpu: false, kvCacheBytesPerSequence: 256 * MiB, memoryBytes: 16 * GiB })).toBe(
      8,
    );
    expect(defaultParallel({ gpu: false, kvCacheBytesPerSequence: 256 * MiB, memoryBytes: 8 * GiB })).toBe(4);
  });

  it("halves down to one sequence for a big KV cache", () => {
    // Llama 3.1 8B at 8192 tokens: 1 GiB per sequence.
    expect(defaultParallel({ gpu: false, kvCacheBytesPerSequence: GiB, memoryBytes: 16 * GiB })).toBe(2);
    expect(defaultParallel({ gpu: false, kvCacheBytesPerSequence: GiB, memoryBytes: 4 * GiB })).toBe(1);
  });

  it("is 4 on CPU when the KV size is unknown", () => {
    expect(defaultParallel({ gpu: false, kvCacheBytesPerSequence: undefined, memoryBytes: 16 * GiB })).toBe(
      4,
    );
  });
});
