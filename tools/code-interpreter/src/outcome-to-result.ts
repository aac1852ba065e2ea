import { TOOL_ERROR, type ToolInvocationResult } from "@llama-stack-ts/api";
import type { ExecutionOutcome } from "./execution-outcome.ts";

/**
 * Upstream's result text: the status, then `[stdout]…[/stdout]` and `[stderr]…[/stderr]` when
 * not empty. A run the sandbox stopped (timeout, memory, crash) is a tool error.
 */
export function outcomeToResult(outcome: ExecutionOutcome, language: string): ToolInvocationResult {
  if (outcome.kind !== "finished") {
    return {
      error_code: outcome.kind === "timed-out" ? TOOL_ERROR.timedOut : TOOL_ERROR.failed,
      error_message: outcome.message,
      metadata: { language, status: outcome.kind },
    };
  }
  const pieces = [outcome.status];
  for (const stream of ["stdout", "stderr"] as const) {
    if (outcome[stream] !== "")
      pieces.push(`[${stream}]`, outcome[stream].replace(/\n$/, ""), `[/${stream}]`);
  }
  if (outcome.truncated) pieces.push("[output truncated: the output limit was reached]");
  return {
    content: pieces.join("\n"),
    metadata: { language, status: outcome.status, ...(outcome.truncated ? { truncated: true } : {}) },
  };
}
