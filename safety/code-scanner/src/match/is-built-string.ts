import type { LexedCode, StringLiteral } from "./lex-code.ts";

function nextNonSpace(code: string, i: number): number {
  let j = i;
  while (j < code.length && /[\s\\]/.test(code[j] ?? "")) j++;
  return j;
}

function previousNonSpace(code: string, i: number): number {
  let j = i;
  while (j >= 0 && /[\s\\]/.test(code[j] ?? "")) j--;
  return j;
}

/**
 * Whether a (python or JavaScript) string literal is combined with non-constant values: interpolated,
 * formatted (`%`, `.format(`), or concatenated with `+`/`.concat(` to something that is not a literal.
 * A tagged JS template (sql`…${x}`) is left alone: the tag decides how the values are spliced.
 */
export function isBuiltString(lexed: LexedCode, literal: StringLiteral): boolean {
  const code = lexed.codeOnly;
  const python = lexed.language === "python";
  if (literal.quote === "`" && /[\w$)\].]/.test(lexed.raw[literal.start - 1] ?? "")) return false;
  if (literal.interpolated) return true;
  let current = literal;
  for (;;) {
    const j = nextNonSpace(code, current.end);
    if (python && code[j] === "%" && code[j + 1] !== "=") return true;
    if (/^\.\s*(?:format|concat)\s*\(/.test(code.slice(j, j + 20))) return true;
    const adjacent = python ? lexed.stringStartingAt.get(j) : undefined;
    const operand = code[j] === "+" ? lexed.stringStartingAt.get(nextNonSpace(code, j + 1)) : adjacent;
    if (code[j] !== "+" && !adjacent) break;
    if (!operand || operand.interpolated) return true;
    current = operand;
  }
  current = literal;
  for (;;) {
    const p = previousNonSpace(code, current.start - 1);
    if (code[p] !== "+") break;
    const operand = lexed.stringEndingAt.get(previousNonSpace(code, p - 1) + 1);
    if (!operand || operand.interpolated) return true;
    current = operand;
  }
  return false;
}
