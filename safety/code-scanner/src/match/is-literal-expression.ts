import type { Span } from "./call-arguments.ts";
import type { LexedCode } from "./lex-code.ts";

/**
 * Where the run of constants starting at `start` stops: the offset of the first character that is
 * not part of a non-interpolated string literal, a number, or the `+`, parentheses and whitespace that
 * join them (`end` when all of `[start, end)` is constant; a literal may carry the walk past `end`).
 */
export function literalPrefixEnd(lexed: LexedCode, start: number, end = lexed.codeOnly.length): number {
  const code = lexed.codeOnly;
  let i = start;
  while (i < end) {
    const c = code[i] ?? "";
    const literal = lexed.stringStartingAt.get(i);
    if (literal) {
      if (literal.interpolated) return i;
      i = literal.end;
    } else if (/[\s+()\\]/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c)) {
      while (i < end && /[\w.]/.test(code[i] ?? "")) i++;
    } else {
      return i;
    }
  }
  return Math.max(i, end);
}

/**
 * Whether the span holds only constants: non-interpolated string literals, numbers, and the `+`,
 * parentheses and whitespace that join them. An empty span counts as literal (nothing flows in).
 */
export function isLiteralExpression(lexed: LexedCode, span: Span): boolean {
  return literalPrefixEnd(lexed, span.start, span.end) >= span.end;
}

/** Whether the span is present and not a constant. */
export function isDynamic(lexed: LexedCode, span: Span | undefined): boolean {
  return span !== undefined && !isLiteralExpression(lexed, span);
}
