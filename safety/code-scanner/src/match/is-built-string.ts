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
  if (literal.quote === "`" && /[\w$)\].]/.test(lexed.raw[literal.start - 1] ?? "")) return false;
  if (literal.interpolated) return true;
  return chainAnswer(lexed, literal, "after") || chainAnswer(lexed, literal, "before");
}

type Direction = "after" | "before";

/**
 * Answers per literal and direction. Every literal along one chain (`"a" + "b" + …`) gets the same
 * answer, so it is stored for all of them: asked from each literal in turn, a long chain was quadratic.
 */
const answers = new WeakMap<LexedCode, Record<Direction, Map<StringLiteral, boolean>>>();

function chainAnswer(lexed: LexedCode, literal: StringLiteral, direction: Direction): boolean {
  let known = answers.get(lexed);
  if (!known) {
    known = { after: new Map(), before: new Map() };
    answers.set(lexed, known);
  }
  const memo = known[direction];
  const visited: StringLiteral[] = [];
  let current: StringLiteral | undefined = literal;
  let answer: boolean | undefined;
  while (answer === undefined && current) {
    const cached = memo.get(current);
    if (cached !== undefined) {
      answer = cached;
      break;
    }
    visited.push(current);
    const step: StringLiteral | boolean =
      direction === "after" ? stepAfter(lexed, current) : stepBefore(lexed, current);
    if (typeof step === "boolean") answer = step;
    else current = step;
  }
  for (const seen of visited) memo.set(seen, answer ?? false);
  return answer ?? false;
}

/** The next literal the chain continues with, or the chain's answer. */
function stepAfter(lexed: LexedCode, current: StringLiteral): StringLiteral | boolean {
  const code = lexed.codeOnly;
  const python = lexed.language === "python";
  const j = nextNonSpace(code, current.end);
  if (python && code[j] === "%" && code[j + 1] !== "=") return true;
  if (/^\.\s*(?:format|concat)\s*\(/.test(code.slice(j, j + 20))) return true;
  const adjacent = python ? lexed.stringStartingAt.get(j) : undefined;
  const operand = code[j] === "+" ? lexed.stringStartingAt.get(nextNonSpace(code, j + 1)) : adjacent;
  if (code[j] !== "+" && !adjacent) return false;
  if (!operand || operand.interpolated) return true;
  return operand;
}

function stepBefore(lexed: LexedCode, current: StringLiteral): StringLiteral | boolean {
  const code = lexed.codeOnly;
  const p = previousNonSpace(code, current.start - 1);
  if (code[p] !== "+") return false;
  const operand = lexed.stringEndingAt.get(previousNonSpace(code, p - 1) + 1);
  if (!operand || operand.interpolated) return true;
  return operand;
}
