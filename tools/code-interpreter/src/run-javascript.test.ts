import { describe, expect, it } from "vitest";
import { runJavaScript } from "./run-javascript.ts";

const limits = { timeoutMs: 1_000, memoryLimitMb: 16, maxOutputBytes: 4_096 };
const run = (code: string) => runJavaScript(code, limits);

describe("runJavaScript (QuickJS)", () => {
  it("captures console output and reports completion", async () => {
    expect(await run("console.log(1 + 1, 'two', {a: 1}); console.error('oops')")).toEqual({
      kind: "finished",
      status: "completed",
      stdout: '2 two {"a":1}\n',
      stderr: "oops\n",
      truncated: false,
    });
  });

  it("an uncaught error is the code's own failure, with its message in stderr", async () => {
    const outcome = await run("null.x");
    expect(outcome).toMatchObject({ kind: "finished", status: "failed" });
    expect(outcome.kind === "finished" && outcome.stderr).toContain("TypeError");
  });

  it("gives the guest no process, require, fetch, timers or host globals", async () => {
    const outcome = await run(
      "console.log([typeof process, typeof require, typeof fetch, typeof setTimeout, typeof WebSocket, typeof std, typeof os].join())",
    );
    expect(outcome).toMatchObject({
      stdout: "undefined,undefined,undefined,undefined,undefined,undefined,undefined\n",
    });
  });

  it("each call starts from a fresh runtime", async () => {
    await run("globalThis.leak = 'secret'; Object.prototype.polluted = 1");
    expect(await run("console.log(typeof leak, ({}).polluted)")).toMatchObject({
      stdout: "undefined undefined\n",
    });
  });

  it("stops an infinite loop at the deadline", async () => {
    const started = Date.now();
    expect(await run("while (true) {}")).toEqual({
      kind: "timed-out",
      message: "The JavaScript code did not finish within 1000 ms.",
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it("stops a memory bomb at the heap limit", async () => {
    expect(await run("const keep = []; while (true) keep.push(new ArrayBuffer(1 << 20))")).toEqual({
      kind: "out-of-memory",
      message: "The JavaScript code used more than 16 MB and was stopped.",
    });
  });

  it("deep recursion is a guest stack overflow, not a host crash", async () => {
    const outcome = await run("function f(n) { return f(n + 1) + 1 } f(0)");
    expect(outcome).toMatchObject({ kind: "finished", status: "failed" });
    expect(outcome.kind === "finished" && outcome.stderr).toContain("stack overflow");
  });

  it("a gigabyte of output is cut at the cap and stops the guest", async () => {
    const started = Date.now();
    const outcome = await run(
      "const line = 'x'.repeat(1 << 20); for (let i = 0; i < 1024; i++) console.log(line)",
    );
    expect(outcome).toMatchObject({ kind: "finished", truncated: true });
    expect(outcome.kind === "finished" && outcome.stdout.length).toBeLessThanOrEqual(limits.maxOutputBytes);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
