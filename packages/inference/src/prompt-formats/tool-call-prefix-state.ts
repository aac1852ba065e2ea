import { SpecialTokens } from "./special-tokens.ts";
import type { ToolPromptFormat } from "./tool-prompt-format.ts";

const FUNCTION_TAG = "<function=";
// Openings of a JSON call, compared with whitespace removed.
const JSON_CALL_OPENINGS = ['{"name":', '{"type":"function"'];
const PYTHON_LIST_OPENING = /^\[\s*[A-Za-z_][\w.-]*\s*(\()?/;

function opening(text: string, candidate: string): "tool" | "undecided" | null {
  if (text.startsWith(candidate)) return "tool";
  return candidate.startsWith(text) ? "undecided" : null;
}

/**
 * Whether output so far is a tool call ("tool"), cannot be one ("text"), or may still become one
 * ("undecided"), so a streaming engine can hold text back. Looks only at the first characters, and
 * only at leading calls: a call after prose is found by {@link parseLlamaOutput} at the end.
 */
export function toolCallPrefixState(text: string, format: ToolPromptFormat): "tool" | "text" | "undecided" {
  const start = text.trimStart();
  if (start === "") return "undecided";
  const tag = opening(start, SpecialTokens.pythonTag) ?? opening(start, FUNCTION_TAG);
  if (tag) return tag;
  if (start.startsWith("{")) {
    const compact = start.slice(0, 64).replace(/\s+/g, "");
    for (const candidate of JSON_CALL_OPENINGS) {
      const state = opening(compact, candidate);
      if (state) return state;
    }
    return "text";
  }
  if (format === "python_list" && start.startsWith("[")) {
    const head = PYTHON_LIST_OPENING.exec(start);
    if (head?.[1]) return "tool";
    // Still inside the function name, or only "[" so far.
    if (head ? head[0].length === start.length : /^\[\s*$/.test(start)) return "undecided";
  }
  return "text";
}
