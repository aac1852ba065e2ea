import type { LlamaFamily } from "./llama-family.ts";
import { parseFunctionTags } from "./parse-function-tags.ts";
import { parseJsonToolCalls } from "./parse-json-tool-calls.ts";
import { parsePythonCall, parsePythonCallList } from "./parse-python-calls.ts";
import type { ParsedToolCall } from "./parsed-tool-call.ts";
import { messageHeader, SpecialTokens } from "./special-tokens.ts";
import { CODE_INTERPRETER } from "./split-tools.ts";
import type { ToolPromptFormat } from "./tool-prompt-format.ts";

export interface ParseLlamaOutputOptions {
  /** All 3.x families decode alike today; kept so callers need not change if one diverges. */
  family: LlamaFamily;
  toolPromptFormat: ToolPromptFormat;
  /** Names that count as calls (built-ins and `code_interpreter` only when listed here). */
  toolNames: string[];
  /** Why generation stopped; a call still counts after `eot` (3.2 python_list ends that way). */
  stop: "eot" | "eom" | "length" | "other";
}

export interface ParsedLlamaOutput {
  content: string | null;
  toolCalls: ParsedToolCall[];
}

const ASSISTANT_HEADER = messageHeader("assistant");
const TRAILING_STOPS = [SpecialTokens.endOfTurn, SpecialTokens.endOfMessage, SpecialTokens.endOfText];

function withoutStopTokens(text: string): string {
  let body = text.startsWith(ASSISTANT_HEADER) ? text.slice(ASSISTANT_HEADER.length) : text;
  for (;;) {
    const trimmed = body.trimEnd();
    const stop = TRAILING_STOPS.find((token) => trimmed.endsWith(token));
    if (!stop) return body;
    body = trimmed.slice(0, -stop.length);
  }
}

/** Every shape Llama writes calls in; models drift from the prompted format, so all are tried. */
function findCalls(
  text: string,
  tagged: boolean,
  format: ToolPromptFormat,
): { calls: ParsedToolCall[]; rest: string } | null {
  const tags = parseFunctionTags(text);
  if (tags) return tags;
  const trimmed = text.trim();
  const builtin = parsePythonCall(trimmed);
  if (builtin?.name.endsWith(".call")) {
    return { calls: [{ ...builtin, name: builtin.name.slice(0, -".call".length) }], rest: "" };
  }
  // A bare `[…]` is too common in prose to read as calls unless the format or the tag says so.
  const list = format === "python_list" || tagged ? parsePythonCallList(trimmed) : null;
  const calls = list ?? parseJsonToolCalls(trimmed);
  return calls ? { calls, rest: "" } : null;
}

/**
 * Splits raw model output (special tokens passed through as text) into content and tool calls.
 * Only calls naming a tool in `toolNames` count, all-or-nothing: otherwise the text is content.
 * Unlike llama-stack, every call of a python_list or multi-object JSON answer is kept.
 *
 * @example
 * parseLlamaOutput('[get_weather(city="Paris")]', { family: "llama3_2", toolPromptFormat: "python_list",
 *   toolNames: ["get_weather"], stop: "eot" }) // { content: null, toolCalls: [{ name: "get_weather", … }] }
 */
export function parseLlamaOutput(text: string, options: ParseLlamaOutputOptions): ParsedLlamaOutput {
  const body = withoutStopTokens(text);
  const tagAt = body.indexOf(SpecialTokens.pythonTag);
  const tagged = tagAt >= 0;
  // Text before a mid-answer tag ("Let me check.<|python_tag|>…") stays content.
  const before = tagged ? body.slice(0, tagAt) : "";
  const callText = tagged ? body.slice(tagAt + SpecialTokens.pythonTag.length) : body;
  const known = new Set(options.toolNames);

  const found = findCalls(callText, tagged, options.toolPromptFormat);
  if (found?.calls.every((call) => known.has(call.name))) {
    return { content: `${before}${found.rest}`.trim() || null, toolCalls: found.calls };
  }
  // Tagged text that is no call is code for the interpreter, unless cut off mid-way.
  if (tagged && known.has(CODE_INTERPRETER) && options.stop !== "length" && callText.trim() !== "") {
    return {
      content: before.trim() || null,
      toolCalls: [{ name: CODE_INTERPRETER, arguments: { code: callText.trim() } }],
    };
  }
  return { content: before + callText, toolCalls: [] };
}
