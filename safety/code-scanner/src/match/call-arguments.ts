import type { LexedCode } from "./lex-code.ts";

export interface Span {
  start: number;
  end: number;
}

/**
 * The top-level arguments (trimmed spans) of the call whose `(` is at `openParen`, read from the
 * `codeOnly` view so brackets and commas inside strings and comments do not count; `end` is the `)`
 * (the code's length when the call is never closed). Nested brackets are skipped through
 * `closingBracket`, so reading every call of a snippet is linear in its length.
 */
export function callArguments(lexed: LexedCode, openParen: number): { args: Span[]; end: number } {
  const code = lexed.codeOnly;
  const closing = lexed.closingBracket;
  const args: Span[] = [];
  let argStart = openParen + 1;
  let i = openParen + 1;
  const push = (end: number) => {
    const span = trimSpan(code, argStart, end === code.length ? contentEnd(lexed) : end);
    if (span.end > span.start) args.push(span);
  };
  for (; i < code.length; i++) {
    const c = code[i] ?? "";
    const close = closing[i] ?? -1;
    if (close >= 0) {
      // An opener: its whole group belongs to the current argument.
      i = close;
      if (close >= code.length) break;
    } else if (c === ")" || c === "]" || c === "}") {
      break;
    } else if (c === ",") {
      push(i);
      argStart = i + 1;
    }
  }
  push(i);
  return { args, end: i };
}

const contentEnds = new WeakMap<LexedCode, number>();

/** `codeOnly` without its trailing whitespace, once per snippet: every unclosed call's last argument ends there. */
function contentEnd(lexed: LexedCode): number {
  let end = contentEnds.get(lexed);
  if (end === undefined) {
    end = trimSpan(lexed.codeOnly, 0, lexed.codeOnly.length).end;
    contentEnds.set(lexed, end);
  }
  return end;
}

/** The first argument of the call whose `(` is the last character of `match`. */
export function firstArgument(lexed: LexedCode, match: RegExpExecArray): Span | undefined {
  return callArguments(lexed, match.index + match[0].length - 1).args[0];
}

export function trimSpan(code: string, start: number, end: number): Span {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(code[s] ?? "")) s++;
  while (e > s && /\s/.test(code[e - 1] ?? "")) e--;
  return { start: s, end: e };
}
