import type { LexedCode } from "./lex-code.ts";

export interface Span {
  start: number;
  end: number;
}

const OPENERS = "([{";
const CLOSERS = ")]}";

/**
 * The top-level arguments (trimmed spans) of the call whose `(` is at `openParen`, read from the
 * `codeOnly` view so brackets and commas inside strings and comments do not count; `end` is the `)`.
 */
export function callArguments(lexed: LexedCode, openParen: number): { args: Span[]; end: number } {
  const code = lexed.codeOnly;
  const args: Span[] = [];
  let depth = 0;
  let argStart = openParen + 1;
  let i = openParen + 1;
  const push = (end: number) => {
    const span = trimSpan(code, argStart, end);
    if (span.end > span.start) args.push(span);
  };
  for (; i < code.length; i++) {
    const c = code[i] ?? "";
    if (OPENERS.includes(c)) depth++;
    else if (CLOSERS.includes(c)) {
      if (depth === 0) break;
      depth--;
    } else if (c === "," && depth === 0) {
      push(i);
      argStart = i + 1;
    }
  }
  push(i);
  return { args, end: i };
}

/** The first argument of the call whose `(` is the last character of `match`. */
export function firstArgument(lexed: LexedCode, match: RegExpExecArray): Span | undefined {
  return callArguments(lexed, match.index + match[0].length - 1).args[0];
}

/** The raw text between the call's parentheses. */
export function argumentsText(lexed: LexedCode, match: RegExpExecArray): string {
  const open = match.index + match[0].length - 1;
  return lexed.raw.slice(open + 1, callArguments(lexed, open).end);
}

export function trimSpan(code: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(code[s] ?? "")) s++;
  while (e > s && /\s/.test(code[e - 1] ?? "")) e--;
  return { start: s, end: e };
}
