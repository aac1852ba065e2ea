import { getQuickJS, type QuickJSContext, shouldInterruptAfterDeadline } from "quickjs-emscripten";
import type { ExecutionOutcome } from "./execution-outcome.ts";

/** Larger stacks crashed the host in a test here (agents-tools-eval §5.2); 256 KB is the ceiling. */
export const JAVASCRIPT_STACK_BYTES = 256 * 1024;

export interface RunJavaScriptOptions {
  timeoutMs: number;
  memoryLimitMb: number;
  maxOutputBytes: number;
}

/**
 * Runs JavaScript in a fresh QuickJS runtime (its own heap, nothing shared between calls): no
 * `process`, `require`, `fetch` or timers, only a `console` that writes to captured buffers.
 * A deadline, a heap limit and a 256 KB stack stop it; the output past the cap stops it too.
 */
export async function runJavaScript(code: string, options: RunJavaScriptOptions): Promise<ExecutionOutcome> {
  const quickjs = await getQuickJS();
  const runtime = quickjs.newRuntime();
  runtime.setMemoryLimit(options.memoryLimitMb * 1024 * 1024);
  runtime.setMaxStackSize(JAVASCRIPT_STACK_BYTES);
  const deadline = Date.now() + options.timeoutMs;
  const pastDeadline = shouldInterruptAfterDeadline(deadline);
  const output = { stdout: "", stderr: "", bytes: 0, truncated: false };
  runtime.setInterruptHandler((rt) => output.truncated || pastDeadline(rt));
  const context = runtime.newContext();
  try {
    installConsole(context, output, options.maxOutputBytes);
    const result = context.evalCode(code, "code.js");
    runtime.executePendingJobs();
    if (!result.error) {
      result.value.dispose();
      return { kind: "finished", status: "completed", ...captured(output) };
    }
    const error = context.dump(result.error) as { name?: string; message?: string; stack?: string } | string;
    result.error.dispose();
    const message = typeof error === "string" ? error : `${error.name ?? "Error"}: ${error.message ?? ""}`;
    if (/interrupted/.test(message) && !output.truncated) {
      return {
        kind: "timed-out",
        message: `The JavaScript code did not finish within ${options.timeoutMs} ms.`,
      };
    }
    if (/out of memory/.test(message)) {
      return {
        kind: "out-of-memory",
        message: `The JavaScript code used more than ${options.memoryLimitMb} MB and was stopped.`,
      };
    }
    const stack = typeof error === "object" && error.stack ? `\n${error.stack}` : "";
    output.stderr += `${message}${stack}\n`;
    return { kind: "finished", status: "failed", ...captured(output) };
  } catch (error) {
    // The host's own stack or heap gave out under the guest (QuickJS reports most cases itself).
    return { kind: "crashed", message: `The JavaScript sandbox failed: ${(error as Error).message}` };
  } finally {
    context.dispose();
    runtime.dispose();
  }
}

interface Output {
  stdout: string;
  stderr: string;
  bytes: number;
  truncated: boolean;
}

function installConsole(context: QuickJSContext, output: Output, maxBytes: number): void {
  const console = context.newObject();
  for (const [method, stream] of [
    ["log", "stdout"],
    ["info", "stdout"],
    ["debug", "stdout"],
    ["warn", "stderr"],
    ["error", "stderr"],
  ] as const) {
    const write = context.newFunction(method, (...args) => {
      // Thrown into the guest: a print loop unwinds at once instead of waiting for the interrupt.
      if (output.truncated) throw new Error("output limit reached");
      const line = `${args.map((arg) => format(context.dump(arg))).join(" ")}\n`;
      const room = maxBytes - output.bytes;
      if (line.length > room) output.truncated = true;
      const kept = line.slice(0, Math.max(0, room));
      output[stream] += kept;
      output.bytes += kept.length;
    });
    context.setProp(console, method, write);
    write.dispose();
  }
  context.setProp(context.global, "console", console);
  console.dispose();
}

function format(value: unknown): string {
  if (typeof value === "string") return value;
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

function captured(output: Output) {
  return { stdout: output.stdout, stderr: output.stderr, truncated: output.truncated };
}
