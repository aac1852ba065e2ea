import { RateLimitError } from "@llama-stack-ts/api";
import type { LlamaContext, LlamaContextSequence, Token } from "node-llama-cpp";

interface Waiter {
  resolve(sequence: LlamaContextSequence): void;
  reject(error: unknown): void;
}

/**
 * The sequences of one context, handed out one request at a time. A request gets the idle
 * sequence whose KV cache shares the longest prefix with its prompt, so a conversation's next turn
 * finds its history even when other conversations ran in between. When all are busy, requests
 * wait in FIFO order up to `maxQueued`; beyond that they get 429 with Retry-After, and a request
 * whose client disconnects leaves the queue.
 */
export class SequencePool {
  /** Least recently released first. */
  private readonly idle: LlamaContextSequence[] = [];
  private readonly waiters: Waiter[] = [];
  private readonly total: number;

  constructor(
    context: LlamaContext,
    private readonly maxQueued: number,
    /** Rough seconds one request holds a sequence, for Retry-After. */
    private readonly retryAfterSeconds = 2,
  ) {
    while (context.sequencesLeft > 0) this.idle.push(context.getSequence());
    this.total = this.idle.length;
  }

  get size(): number {
    return this.idle.length;
  }

  /** Sequences handed out and not yet released. */
  get busy(): number {
    return this.total - this.idle.length;
  }

  get queued(): number {
    return this.waiters.length;
  }

  async acquire(signal?: AbortSignal, prompt?: readonly Token[]): Promise<LlamaContextSequence> {
    signal?.throwIfAborted();
    const free = this.takeIdle(prompt);
    if (free) return free;
    if (this.waiters.length >= this.maxQueued) {
      throw new RateLimitError(
        `The model is busy: ${this.waiters.length} requests are already waiting. Retry later.`,
        { retryAfterSeconds: this.retryAfterSeconds * (this.waiters.length + 1) },
      );
    }
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject };
      this.waiters.push(waiter);
      signal?.addEventListener(
        "abort",
        () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) {
            this.waiters.splice(index, 1);
            reject(signal.reason);
          }
        },
        { once: true },
      );
    });
  }

  release(sequence: LlamaContextSequence): void {
    const next = this.waiters.shift();
    if (next) next.resolve(sequence);
    else this.idle.push(sequence);
  }

  /** The idle sequence with the longest cached prefix of `prompt`; the last released on a tie. */
  private takeIdle(prompt: readonly Token[] | undefined): LlamaContextSequence | undefined {
    let best = this.idle.length - 1;
    if (prompt && this.idle.length > 1) {
      let longest = -1;
      for (let i = this.idle.length - 1; i >= 0; i--) {
        const shared = sharedPrefix(this.idle[i]!.contextTokens, prompt);
        if (shared > longest) {
          longest = shared;
          best = i;
        }
      }
    }
    return best >= 0 ? this.idle.splice(best, 1)[0] : undefined;
  }
}

function sharedPrefix(cached: readonly Token[], prompt: readonly Token[]): number {
  const limit = Math.min(cached.length, prompt.length);
  let n = 0;
  while (n < limit && cached[n] === prompt[n]) n++;
  return n;
}
