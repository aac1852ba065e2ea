import { afterAll, describe, expect, it } from "vitest";
import { JavaScriptSandbox } from "./javascript-sandbox.ts";

const sandbox = new JavaScriptSandbox();
afterAll(() => sandbox.close());
const limits = { timeoutMs: 1_000, memoryLimitMb: 16, maxOutputBytes: 4_096 };

describe("JavaScriptSandbox (QuickJS on a worker thread)", () => {
  it("runs code off the event loop and returns its output", async () => {
    expect(await sandbox.run("console.log(6 * 7)", limits)).toMatchObject({
      kind: "finished",
      stdout: "42\n",
    });
  });

  it("terminates a guest that outruns its deadline while allocating, and keeps serving", async () => {
    const started = Date.now();
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const outcome = await sandbox.run(
      "const keep = []; while (true) keep.push('x'.repeat(1 << 20) + keep.length)",
      limits,
    );
    clearInterval(ticker);
    expect(outcome).toEqual({
      kind: "timed-out",
      message: "The JavaScript code did not finish within 1000 ms.",
    });
    expect(Date.now() - started).toBeLessThan(4_000);
    // The event loop kept turning while the guest ran.
    expect(ticks).toBeGreaterThan(10);
    expect(await sandbox.run("console.log('after')", limits)).toMatchObject({ stdout: "after\n" });
  });
});
