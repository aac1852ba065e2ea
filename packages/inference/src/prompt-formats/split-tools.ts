import type { FunctionTool } from "@llama-stack-ts/api";

/** Function tools that Llama 3 knows natively and that go on the system prompt's `Tools:` line. */
export const BUILTIN_TOOL_NAMES = ["brave_search", "wolfram_alpha"] as const;
/** Llama's code interpreter: enabled by `Environment: ipython`, never listed on the `Tools:` line. */
export const CODE_INTERPRETER = "code_interpreter";

export interface SplitTools {
  /** Built-in names in request order, without `code_interpreter`. */
  builtin: string[];
  codeInterpreter: boolean;
  /** Everything else: described to the model in the custom tool format. */
  custom: FunctionTool[];
}

/** Sorts request tools into Llama built-ins and custom tools. */
export function splitTools(tools: readonly FunctionTool[]): SplitTools {
  const result: SplitTools = { builtin: [], codeInterpreter: false, custom: [] };
  for (const tool of tools) {
    const name = tool.function.name;
    if (isBuiltinToolName(name)) result.builtin.push(name);
    else if (name === CODE_INTERPRETER) result.codeInterpreter = true;
    else result.custom.push(tool);
  }
  return result;
}

export function isBuiltinToolName(name: string): boolean {
  return (BUILTIN_TOOL_NAMES as readonly string[]).includes(name);
}
