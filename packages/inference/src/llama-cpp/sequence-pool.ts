import { RateLimitError } from "@llama-stack-ts/api";
import type { LlamaContext, LlamaContextSequence } from "node-llama-cpp";

interface Waiter {
  resolve(sequence: LlamaContextSequence): void;
  reject(error: unknown): void;
}

/**
 * The sequences of one context, handed out one request at a time. When all are busy, requests
 * wait in FIFO order up to `maxQueued`; beyond that they get 429 with Retry-After, and a request
 * whose client disconnects leaves the queue.
 */
export class SequencePool {
  private readonly idle: LlamaContextSequence[] = [];
  private readonly waiters: Waiter[] = [];

  constructor(
    context: LlamaContext,
    private readonly maxQueued: number,
    /** Rough seconds one request holds a sequence, for Retry-After. */
    private readonly retryAfterSeconds = 2,
  ) {
    while (context.sequencesLeft > 0) this.idle.push(context.getSequence());
  }

  get size(): number {
    return this.idle.length;
  }

  get queued(): number {
    return this.waiters.length;
  }

  async acquire(signal?: AbortSignal): Promise<LlamaContextSequence> {
    signal?.throwIfAborted();
    const free = this.idle.pop();
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
}
