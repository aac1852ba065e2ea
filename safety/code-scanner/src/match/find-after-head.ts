import type { RuleMatch } from "../rule.ts";

/**
 * Every match of `head` followed by `tail` in `view`, for patterns like `curl\b[^\n;&]*?\|…` whose
 * tail scans to the end of a segment (`stops`: the characters that end one). When a head's tail
 * fails, every later head in the same segment would scan a part of the same text and fail too, so the
 * search resumes after the segment: one pass, where a single regex retried at each head was quadratic
 * (`curl curl curl …` on one line). `tail` is matched right after the head; matches are reported at
 * the head.
 */
export function findAfterHead(view: string, head: RegExp, tail: RegExp, stops: string): RuleMatch[] {
  const heads = new RegExp(head.source, head.flags.includes("g") ? head.flags : `${head.flags}g`);
  const tails = new RegExp(tail.source, `${tail.flags.replace(/[gy]/g, "")}y`);
  const found: RuleMatch[] = [];
  let from = 0;
  while (from < view.length) {
    heads.lastIndex = from;
    const match = heads.exec(view);
    if (!match) break;
    const headEnd = match.index + match[0].length;
    tails.lastIndex = headEnd;
    if (tails.test(view)) {
      found.push({ index: match.index });
      from = Math.max(tails.lastIndex, match.index + 1);
    } else {
      from = segmentEnd(view, headEnd, stops);
    }
  }
  return found;
}

function segmentEnd(view: string, from: number, stops: string): number {
  for (let i = from; i < view.length; i++) if (stops.includes(view[i] ?? "")) return i;
  return view.length;
}
