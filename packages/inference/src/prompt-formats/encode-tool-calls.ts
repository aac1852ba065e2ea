import type { ToolCall } from "@llama-stack-ts/api";
import { type PromptSegment, special } from "./prompt-segment.ts";
import { pythonJson } from "./python-json.ts";
import { SpecialTokens } from "./special-tokens.ts";
import { CODE_INTERPRETER, isBuiltinToolName } from "./split-tools.ts";
import { toPythonKeywordArguments } from "./to-python-literal.ts";
import type { ToolPromptFormat } from "./tool-prompt-format.ts";

function parseArguments(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/**
 * A past assistant message's tool calls as the model would have written them. `<|python_tag|>`
 * precedes built-in, code-interpreter and json-format calls, as the model emits it (llama-stack
 * itself tags only code); python_list calls share one list, so parallel calls stay one message.
 */
export function encodeToolCalls(calls: readonly ToolCall[], format: ToolPromptFormat): PromptSegment[] {
  const texts: string[] = [];
  const pythonListCalls: string[] = [];
  let pythonListAt = -1;
  let tagged = false;
  for (const call of calls) {
    const name = call.function.name;
    // Arguments from clients are JSON strings; an unreadable one is written as no arguments.
    const args = parseArguments(call.function.arguments);
    if (name === CODE_INTERPRETER) {
      tagged = true;
      texts.push(typeof args?.code === "string" ? args.code : call.function.arguments);
    } else if (isBuiltinToolName(name)) {
      tagged = true;
      texts.push(`${name}.call(${toPythonKeywordArguments(args ?? {})})`);
    } else if (format === "json") {
      tagged = true;
      texts.push(pythonJson({ type: "function", name, parameters: args ?? {} }));
    } else if (format === "function_tag") {
      texts.push(`<function=${name}>${pythonJson(args ?? {})}</function>`);
    } else {
      if (pythonListAt < 0) {
        pythonListAt = texts.length;
        texts.push("");
      }
      pythonListCalls.push(`${name}(${toPythonKeywordArguments(args ?? {})})`);
    }
  }
  if (pythonListAt >= 0) texts[pythonListAt] = `[${pythonListCalls.join(", ")}]`;
  const body = texts.join("\n");
  return tagged ? [special(SpecialTokens.pythonTag), body] : [body];
}
