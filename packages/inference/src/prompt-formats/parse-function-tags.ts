import { findBalancedEnd } from "./find-balanced-end.ts";
import type { ParsedToolCall } from "./parsed-tool-call.ts";

const OPEN_TAG = /<function=([^>\s]+)>/g;
const CLOSE_TAG = /^\s*<\/function>/;

function parseArguments(text: string): Record<string, unknown> | null {
  // Models sometimes use Python quotes; llama-stack retries the same way.
  for (const candidate of [text, text.replaceAll("'", '"')]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (typeof value === "object" && value !== null && !Array.isArray(value)) {
        return value as Record<string, unknown>;
      }
    } catch {}
  }
  return null;
}

/**
 * `<function=name>{…}</function>` calls anywhere in the text (the closing tag is optional, as
 * models drop it), with the text around them. `null` when there is none or one is malformed.
 */
export function parseFunctionTags(text: string): { calls: ParsedToolCall[]; rest: string } | null {
  const calls: ParsedToolCall[] = [];
  let rest = "";
  let copiedUpTo = 0;
  for (const match of text.matchAll(OPEN_TAG)) {
    if (match.index < copiedUpTo) continue;
    let at = match.index + match[0].length;
    while (at < text.length && /\s/.test(text[at]!)) at++;
    let args: Record<string, unknown> | null = {};
    if (text[at] === "{") {
      const end = findBalancedEnd(text, at);
      if (end < 0) return null;
      args = parseArguments(text.slice(at, end));
      at = end;
    } else if (!CLOSE_TAG.test(text.slice(at))) {
      return null;
    }
    if (!args) return null;
    const close = CLOSE_TAG.exec(text.slice(at));
    if (close) at += close[0].length;
    calls.push({ name: match[1]!, arguments: args });
    rest += text.slice(copiedUpTo, match.index);
    copiedUpTo = at;
  }
  if (calls.length === 0) return null;
  return { calls, rest: rest + text.slice(copiedUpTo) };
}
