const WHITESPACE = /\s/;

/**
 * Where the expression starting at `start` ends in a `codeOnly` view: at a `;` or `,` or an unmatched
 * closing bracket, or at a line break unless the line ends (or the next begins) with an operator.
 * The scan gives up after `stopAfter` and returns a larger offset, for callers that only ask whether
 * the expression reaches past a point. Each character is read once (no slicing per line break), so
 * the cost is the expression's length.
 */
export function expressionEnd(code: string, start: number, stopAfter = code.length): number {
  let depth = 0;
  let last = "";
  let i = start;
  for (; i < code.length && i <= stopAfter; i++) {
    const c = code[i] ?? "";
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ";" || c === ",")) {
      return i;
    } else if (depth === 0 && c === "\n") {
      let next = i + 1;
      while (next < code.length && WHITESPACE.test(code[next] ?? "")) next++;
      const after = code[next] ?? "";
      // An empty `last`/`after` (nothing before, or the end) continues, as an empty string is "included".
      if (!"+=(?:&|".includes(last) && !"+.?:".includes(after)) return i;
      // The blank run up to `next` decides the same way at each of its line breaks.
      i = next - 1;
      continue;
    }
    if (!WHITESPACE.test(c)) last = c;
  }
  return i;
}
