import { TimeoutError } from "@llama-stack-ts/api";
import { type WorkerPool, workerPool } from "@llama-stack-ts/provider-kit";
import type { ExecutionOutcome } from "./execution-outcome.ts";
import type { JavaScriptJob } from "./javascript-worker.ts";
import type { RunJavaScriptOptions } from "./run-javascript.ts";

// QuickJS checks its deadline rarely while allocating (a string bomb ran 17 s against a 1 s
// deadline here); past this grace the worker thread is terminated instead.
const BACKSTOP_GRACE_MS = 1_000;

/**
 * QuickJS on a worker thread, so a guest that outruns its own deadline holds that thread, not
 * the server's event loop, and is terminated there.
 */
export class JavaScriptSandbox {
  #pool: WorkerPool<JavaScriptJob, ExecutionOutcome> | undefined;

  async run(code: string, options: RunJavaScriptOptions): Promise<ExecutionOutcome> {
    this.#pool ??= workerPool(new URL("./javascript-worker.ts", import.meta.url), {
      name: "code-interpreter",
    });
    try {
      return await this.#pool.run({ code, options }, { timeoutMs: options.timeoutMs + BACKSTOP_GRACE_MS });
    } catch (error) {
      if (error instanceof TimeoutError) {
        return {
          kind: "timed-out",
          message: `The JavaScript code did not finish within ${options.timeoutMs} ms.`,
        };
      }
      return { kind: "crashed", message: `The JavaScript sandbox failed: ${(error as Error).message}` };
    }
  }

  async close(): Promise<void> {
    await this.#pool?.close();
  }
}
