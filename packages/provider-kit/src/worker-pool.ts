import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { StackError, TimeoutError } from "@llama-stack-ts/api";

export interface WorkerPoolOptions {
  /** Used in error messages, e.g. `code-scanner`. */
  name: string;
  /** Most workers at once (default: one fewer than the cores, at least 1, at most 4). */
  size?: number;
}

export interface WorkerPoolRunOptions {
  /** Past this the worker is terminated (even mid-regex) and `run` rejects with a `TimeoutError`. */
  timeoutMs?: number;
}

export interface WorkerPool<Input, Output> {
  /** Runs the module's default export on `input` in a worker; calls queue while every worker is busy. */
  run(input: Input, options?: WorkerPoolRunOptions): Promise<Output>;
  /** Terminates the workers; queued and running calls reject. */
  close(): Promise<void>;
}

interface Job {
  input: unknown;
  timeoutMs: number | undefined;
  resolve(output: unknown): void;
  reject(error: unknown): void;
}

interface Slot {
  worker: Worker;
  job: Job | undefined;
  timer: NodeJS.Timeout | undefined;
}

type Reply = { output: unknown } | { error: { name: string; message: string } };

const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);

/**
 * A small pool of worker threads running one module's default export, so CPU-heavy work (a
 * shield's scan) does not hold the event loop that answers every other request. Workers start on
 * first use, are reused, and do not keep the process alive while idle.
 *
 * @example
 * // scan-worker.ts: export default (input: { text: string }) => scan(input.text);
 * const pool = workerPool<{ text: string }, Finding[]>(new URL("./scan-worker.ts", import.meta.url), { name: "scanner" });
 * const findings = await pool.run({ text }, { timeoutMs: 10_000 });
 */
export function workerPool<Input, Output>(
  module: URL,
  options: WorkerPoolOptions,
): WorkerPool<Input, Output> {
  const size = options.size ?? Math.min(4, Math.max(1, availableParallelism() - 1));
  const slots: Slot[] = [];
  const queue: Job[] = [];
  const workerData = { module: module.href };
  let closed = false;

  const settle = (slot: Slot, outcome: (job: Job) => void) => {
    const job = slot.job;
    if (slot.timer) clearTimeout(slot.timer);
    slot.job = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    if (job) outcome(job);
    pump();
  };

  const retire = (slot: Slot) => {
    const index = slots.indexOf(slot);
    if (index >= 0) slots.splice(index, 1);
    void slot.worker.terminate();
  };

  const spawn = (): Slot => {
    const worker = new Worker(BOOTSTRAP, { workerData });
    const slot: Slot = { worker, job: undefined, timer: undefined };
    worker.on("message", (reply: Reply) =>
      settle(slot, (job) => {
        if ("output" in reply) job.resolve(reply.output);
        else job.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
      }),
    );
    worker.on("error", (error) => {
      retire(slot);
      settle(slot, (job) => job.reject(error));
    });
    worker.on("exit", () => {
      if (!slots.includes(slot)) return;
      retire(slot);
      settle(slot, (job) => job.reject(new StackError("internal", `${options.name} worker exited`)));
    });
    worker.unref();
    slots.push(slot);
    return slot;
  };

  const start = (slot: Slot, job: Job) => {
    slot.job = job;
    slot.worker.ref();
    if (job.timeoutMs !== undefined) {
      const timeoutMs = job.timeoutMs;
      slot.timer = setTimeout(() => {
        // A worker stuck in a regex cannot be interrupted, only terminated: replace it.
        retire(slot);
        settle(slot, (stuck) =>
          stuck.reject(new TimeoutError(`${options.name} did not finish within ${timeoutMs} ms`)),
        );
      }, timeoutMs);
    }
    slot.worker.postMessage(job.input);
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      const slot =
        slots.find((candidate) => candidate.job === undefined) ?? (slots.length < size ? spawn() : undefined);
      if (!slot) return;
      start(slot, queue.shift()!);
    }
  }

  return {
    run(input, runOptions = {}) {
      if (closed) return Promise.reject(new StackError("internal", `${options.name} workers are closed`));
      return new Promise<Output>((resolve, reject) => {
        queue.push({
          input,
          timeoutMs: runOptions.timeoutMs,
          resolve: resolve as (output: unknown) => void,
          reject,
        });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new StackError("internal", `${options.name} workers are closed`);
      for (const job of queue.splice(0)) job.reject(error);
      const running = slots.splice(0);
      for (const slot of running) {
        if (slot.timer) clearTimeout(slot.timer);
        slot.job?.reject(error);
      }
      await Promise.all(running.map((slot) => slot.worker.terminate()));
    },
  };
}
