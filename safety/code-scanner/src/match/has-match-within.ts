import type { LexedCode } from "./lex-code.ts";

type View = "raw" | "noComments" | "codeOnly";

/** Match offsets (start, end pairs) per snippet, view and pattern, found once by one pass. */
const found = new WeakMap<LexedCode, Map<string, Int32Array>>();

function matchOffsets(lexed: LexedCode, view: View, pattern: RegExp): Int32Array {
  let byPattern = found.get(lexed);
  if (!byPattern) {
    byPattern = new Map();
    found.set(lexed, byPattern);
  }
  const key = `${view}\u0000${pattern.source}\u0000${pattern.flags}`;
  let offsets = byPattern.get(key);
  if (!offsets) {
    const flags = pattern.flags.includes("g") ? pattern.flags : `${pattern.flags}g`;
    const pairs: number[] = [];
    for (const match of lexed[view].matchAll(new RegExp(pattern.source, flags))) {
      pairs.push(match.index, match.index + match[0].length);
    }
    offsets = Int32Array.from(pairs);
    byPattern.set(key, offsets);
  }
  return offsets;
}

/**
 * Whether `pattern` matches inside `[start, end)` of a view: `pattern.test(view.slice(start, end))`
 * without re-reading the text for every call, whose arguments nest (`load(load(load(…`) and made
 * that quadratic. Exact for patterns whose matches cannot straddle the range's edges (a call's
 * arguments start after `(` or `,` and end before `,` or `)`), such as a keyword with `\b` ends.
 */
export function hasMatchWithin(
  lexed: LexedCode,
  view: View,
  pattern: RegExp,
  start: number,
  end: number,
): boolean {
  const offsets = matchOffsets(lexed, view, pattern);
  let low = 0;
  let high = offsets.length / 2;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((offsets[mid * 2] ?? 0) < start) low = mid + 1;
    else high = mid;
  }
  return low < offsets.length / 2 && (offsets[low * 2 + 1] ?? 0) <= end;
}
