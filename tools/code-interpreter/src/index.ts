export {
  type CodeInterpreterConfig,
  type CodeInterpreterConfigInput,
  CodeInterpreterConfigSchema,
} from "./code-interpreter-config.ts";
export { codeInterpreterTools, codeInterpreterTools as default } from "./code-interpreter-tools.ts";
export type { ExecutionOutcome } from "./execution-outcome.ts";
export { JavaScriptSandbox } from "./javascript-sandbox.ts";
export { outcomeToResult } from "./outcome-to-result.ts";
export { PythonPool, type PythonPoolOptions } from "./python-pool.ts";
export { type PythonWorkerOptions, PythonWorkerProcess } from "./python-worker-process.ts";
export { JAVASCRIPT_STACK_BYTES, type RunJavaScriptOptions, runJavaScript } from "./run-javascript.ts";
