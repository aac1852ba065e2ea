import { TimeoutError } from "@llama-stack-ts/api";
import { afterEach, describe, expect, it } from "vitest";
import { type WorkerPool, workerPool } from "./worker-pool.ts";

const SPIN = new URL("./__fixtures__/spin-worker.ts", import.meta.url);

type Input = { spinMs?: number; fail?: string; echo?: unknown };
let pool: WorkerPool<Input, { echo: unknown }>;

afterEach(async () => {
  await pool?.close();
});

describe("workerPool", () => {
  it("runs a TypeScript module's default export in a worker and returns its result", async () => {
    pool = workerPool(SPIN, { name: "spin" });
    await expect(pool.run({ echo: { a: [1, 2] } })).resolves.toMatchObject({ echo: { a: [1, 2] } });
  });

  it("keeps the event loop free while a worker is busy", async () => {
    pool = workerPool(SPIN, { name: "spin", size: 1 });
    await pool.run({}); // the worker is loaded
    const job = pool.run({ spinMs: 600 });
    const started = performance.now();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(performance.now() - started).toBeLessThan(300);
    await job;
  });

  it("rejects with the worker's error and keeps serving", async () => {
    pool = workerPool(SPIN, { name: "spin", size: 1 });
    await expect(pool.run({ fail: "bad input" })).rejects.toMatchObject({
      name: "RangeError",
      message: "bad input",
    });
    await expect(pool.run({ echo: 2 })).resolves.toMatchObject({ echo: 2 });
  });

  it("terminates a job past its time limit with a TimeoutError and replaces the worker", async () => {
    pool = workerPool(SPIN, { name: "spin", size: 1 });
    await pool.run({});
    const error = await pool.run({ spinMs: 60_000 }, { timeoutMs: 200 }).catch((caught: unknown) => caught);
    expect(TimeoutError.isInstance(error) && error.kind).toBe("timeout");
    expect((error as Error).message).toBe("spin did not finish within 200 ms");
    await expect(pool.run({ echo: 3 })).resolves.toMatchObject({ echo: 3 });
  });

  it("queues calls beyond its size and runs them all", async () => {
    pool = workerPool(SPIN, { name: "spin", size: 2 });
    const results = await Promise.all([1, 2, 3, 4, 5].map((echo) => pool.run({ spinMs: 20, echo })));
    expect(results.map((result) => result.echo)).toEqual([1, 2, 3, 4, 5]);
  });

  it("rejects calls once closed", async () => {
    pool = workerPool(SPIN, { name: "spin" });
    await pool.close();
    await expect(pool.run({})).rejects.toThrow("spin workers are closed");
  });
});
