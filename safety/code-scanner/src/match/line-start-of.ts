import { lineNumberAt, lineStarts } from "../line-index.ts";
import type { LexedCode } from "./lex-code.ts";

const starts = new WeakMap<LexedCode, number[]>();

/**
 * The offset at which the line holding `index` starts (line breaks are at the same offsets in every
 * view). A binary search over the snippet's line starts, so many matches on one long line do not each
 * search back to its start.
 */
export function lineStartOf(lexed: LexedCode, index: number): number {
  let lines = starts.get(lexed);
  if (!lines) {
    lines = lineStarts(lexed.raw);
    starts.set(lexed, lines);
  }
  return lines[lineNumberAt(lines, index) - 1] ?? 0;
}
