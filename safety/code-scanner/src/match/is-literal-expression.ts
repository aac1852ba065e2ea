import type { Span } from "./call-arguments.ts";
import type { LexedCode } from "./lex-code.ts";

/**
 * Whether the span holds only constants: non-interpolated string literals, numbers, and the `+`,
 * parentheses and whitespace that join them. An empty span counts as literal (nothing flows in).
 */
export function isLiteralExpression(lexed: LexedCode, span: Span): boolean {
  const code = lexed.codeOnly;
  let i = span.start;
  while (i < span.end) {
    const c = code[i] ?? "";
    const literal = lexed.stringStartingAt.get(i);
    if (literal) {
      if (literal.interpolated) return false;
      i = literal.end;
    } else if (/[\s+()\\]/.test(c)) {
      i++;
    } else if (/[0-9]/.test(c)) {
      while (i < span.end && /[\w.]/.test(code[i] ?? "")) i++;
    } else {
      return false;
    }
  }
  return true;
}

/** Whether the span is present and not a constant. */
export function isDynamic(lexed: LexedCode, span: Span | undefined): boolean {
  return span !== undefined && !isLiteralExpression(lexed, span);
}
