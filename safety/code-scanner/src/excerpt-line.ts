import { lineNumberAt } from "./line-index.ts";
import type { RuleMatch } from "./rule.ts";

const MAX_EXCERPT = 200;

/**
 * The 1-based line of `match` in `code` (given the code's `lineStarts`) and that line trimmed, with
 * secret text masked (first four characters kept when the secret is 12 or more long), cut to 200
 * characters.
 */
export function excerptLine(
  code: string,
  starts: readonly number[],
  match: RuleMatch,
): { line: number; excerpt: string } {
  const line = lineNumberAt(starts, match.index);
  const lineStart = starts[line - 1] ?? 0;
  const next = starts[line];
  const lineEnd = next === undefined ? code.length : next - 1;
  let text = code.slice(lineStart, lineEnd);
  if (match.redact) {
    const start = Math.max(match.redact.start, lineStart) - lineStart;
    const end = Math.min(match.redact.end, lineEnd) - lineStart;
    if (end > start) {
      const keep = end - start >= 12 ? 4 : 0;
      text = `${text.slice(0, start + keep)}****${text.slice(end)}`;
    }
  }
  text = text.replace(/\r$/, "").trim();
  if (text.length > MAX_EXCERPT) text = `${text.slice(0, MAX_EXCERPT - 1)}…`;
  return { line, excerpt: text };
}
