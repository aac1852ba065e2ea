import { RateLimitError } from "@llama-stack-ts/api";
import type { LlamaContext, LlamaContextSequence, Token } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { SequencePool } from "./sequence-pool.ts";

/** A context of `count` sequences whose KV caches hold the given tokens. */
function fakeContext(caches: number[][]): { context: LlamaContext; sequences: LlamaContextSequence[] } {
  const sequences = caches.map((tokens) => ({ contextTokens: tokens as Token[] }) as LlamaContextSequence);
  let next = 0;
  const context = {
    get sequencesLeft() {
      return sequences.length - next;
    },
    getSequence: () => sequences[next++]!,
  } as unknown as LlamaContext;
  return { context, sequences };
}

const prompt = (...tokens: number[]) => tokens as Token[];

describe("SequencePool", () => {
  it("hands out the idle sequence that already holds the longest part of the prompt", async () => {
    const { context, sequences } = fakeContext([
      [1, 2, 3],
      [1, 9],
      [1, 2, 3, 4, 5],
    ]);
    const pool = new SequencePool(context, 4);
    expect(await pool.acquire(undefined, prompt(1, 2, 3, 4, 6))).toBe(sequences[2]);
    expect(await pool.acquire(undefined, prompt(1, 9, 9))).toBe(sequences[1]);
    expect(pool.busy).toBe(2);
  });

  it("without a prompt, or on a tie, takes the sequence released last", async () => {
    const { context, sequences } = fakeContext([[], [], []]);
    const pool = new SequencePool(context, 4);
    const first = await pool.acquire();
    pool.release(first);
    expect(await pool.acquire(undefined, prompt(7))).toBe(first);
    expect(await pool.acquire()).toBe(sequences[1]);
  });

  it("queues in FIFO order when all are busy, then answers 429", async () => {
    const { context, sequences } = fakeContext([[]]);
    const pool = new SequencePool(context, 1);
    const only = await pool.acquire();
    const waiting = pool.acquire();
    await expect(pool.acquire()).rejects.toBeInstanceOf(RateLimitError);
    pool.release(only);
    expect(await waiting).toBe(sequences[0]);
    expect(pool.busy).toBe(1);
  });
});
