import type { SplitTools } from "./split-tools.ts";

/**
 * `Environment: ipython` (enables `<|python_tag|>`/`<|eom_id|>` and the code interpreter) plus the
 * `Tools:` line when built-ins are present; without built-ins it ends in a newline, as upstream.
 */
export function environmentBlock(tools: SplitTools): string {
  if (tools.builtin.length === 0) return "Environment: ipython\n";
  return `Environment: ipython\nTools: ${tools.builtin.join(", ")}`;
}
