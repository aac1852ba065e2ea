import { findBalancedEnd } from "./find-balanced-end.ts";
import type { ParsedToolCall } from "./parsed-tool-call.ts";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * A call object: `{"type": "function", "name", "parameters"}` or `{"name", "parameters"}`, with
 * `arguments` accepted for `parameters` (object or JSON string) and OpenAI's nested `function`.
 */
function toCall(value: unknown): ParsedToolCall | null {
  if (!isRecord(value)) return null;
  const call = value.type === "function" && isRecord(value.function) ? value.function : value;
  if (typeof call.name !== "string" || call.name === "") return null;
  let args = call.parameters ?? call.arguments;
  if (args === undefined && value.type !== "function") return null;
  if (typeof args === "string") args = parseJson(args);
  args ??= {};
  return isRecord(args) ? { name: call.name, arguments: args } : null;
}

/**
 * Calls written as JSON, making up the whole text: one object, several objects separated by
 * whitespace, `;` or `,` (parallel calls), or an array of objects. `null` when anything else is there.
 */
export function parseJsonToolCalls(text: string): ParsedToolCall[] | null {
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    const values = parseJson(trimmed);
    if (!Array.isArray(values) || values.length === 0) return null;
    const calls = values.map(toCall);
    return calls.every((call) => call !== null) ? (calls as ParsedToolCall[]) : null;
  }
  const calls: ParsedToolCall[] = [];
  let at = 0;
  while (at < trimmed.length) {
    if (trimmed[at] !== "{") return null;
    const end = findBalancedEnd(trimmed, at);
    if (end < 0) return null;
    const call = toCall(parseJson(trimmed.slice(at, end)));
    if (!call) return null;
    calls.push(call);
    at = end;
    while (at < trimmed.length && /[\s;,]/.test(trimmed[at]!)) at++;
  }
  return calls.length > 0 ? calls : null;
}
