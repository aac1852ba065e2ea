import { defineTool, defineToolGroup } from "@llama-stack-ts/provider-kit";
import { z } from "zod";
import { CodeInterpreterConfigSchema } from "./code-interpreter-config.ts";
import { JavaScriptSandbox } from "./javascript-sandbox.ts";
import { outcomeToResult } from "./outcome-to-result.ts";
import { PythonPool } from "./python-pool.ts";

// Beyond the sandbox's own timeout: a call may wait for a Python process to boot (~4 s).
const TOOL_TIMEOUT_MARGIN_MS = 30_000;

/**
 * `builtin::code_interpreter`, the Llama 3.1 built-in behind `ipython`: Python in Pyodide, each
 * call in a warm, permission-restricted child process; JavaScript in QuickJS. A run the sandbox
 * stops (timeout, memory, crash) is a tool error; the code's own errors are in its stderr.
 */
export const codeInterpreterTools = defineToolGroup({
  type: "inline::code-interpreter",
  description: "Runs Python (Pyodide, in a sandboxed child process) and JavaScript (QuickJS) code.",
  configSchema: CodeInterpreterConfigSchema,
  defaultToolGroups: ["builtin::code_interpreter"],
  create({ config }) {
    const pool = new PythonPool({
      size: config.pythonWorkers,
      memoryLimitMb: config.pythonMemoryLimitMb,
      maxOutputBytes: config.maxOutputBytes,
      maxCallsPerWorker: config.maxCallsPerPythonWorker,
    });
    const javascript = new JavaScriptSandbox();
    const codeInterpreter = defineTool({
      name: "code_interpreter",
      description:
        "Runs code and returns its stdout and stderr. Python (default) has only the standard library " +
        "and no network or host files; JavaScript runs in QuickJS with console.log.",
      parameters: z.object({
        code: z.string().min(1),
        language: z.enum(["python", "javascript"]).default("python"),
      }),
      timeoutMs: config.timeoutMs + TOOL_TIMEOUT_MARGIN_MS,
      async handler({ code, language }, { signal }) {
        const outcome =
          language === "javascript"
            ? await javascript.run(code, {
                timeoutMs: config.timeoutMs,
                memoryLimitMb: config.javascriptMemoryLimitMb,
                maxOutputBytes: config.maxOutputBytes,
              })
            : await pool.run(code, config.timeoutMs, signal);
        return outcomeToResult(outcome, language);
      },
    });
    return {
      tools: () => [codeInterpreter],
      async health() {
        return pool.workers.some((worker) => worker.alive)
          ? { status: "OK" as const }
          : { status: "Error" as const, message: "No Python sandbox process is running." };
      },
      async shutdown() {
        await Promise.all([pool.close(), javascript.close()]);
      },
    };
  },
});
