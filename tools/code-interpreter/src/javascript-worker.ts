import type { ExecutionOutcome } from "./execution-outcome.ts";
import { type RunJavaScriptOptions, runJavaScript } from "./run-javascript.ts";

export interface JavaScriptJob {
  code: string;
  options: RunJavaScriptOptions;
}

/** The JavaScript interpreter's worker-thread entry (see `workerPool`). */
export default function javaScriptJob(job: JavaScriptJob): Promise<ExecutionOutcome> {
  return runJavaScript(job.code, job.options);
}
