/**
 * Where the expression starting at `start` ends in a `codeOnly` view: at a `;` or `,` or an unmatched
 * closing bracket, or at a line break unless the line ends (or the next begins) with an operator.
 */
export function expressionEnd(code: string, start: number): number {
  let depth = 0;
  let i = start;
  for (; i < code.length; i++) {
    const c = code[i] ?? "";
    if ("([{".includes(c)) depth++;
    else if (")]}".includes(c)) {
      if (depth === 0) return i;
      depth--;
    } else if (depth === 0 && (c === ";" || c === ",")) {
      return i;
    } else if (depth === 0 && c === "\n") {
      const last = code.slice(start, i).trimEnd().at(-1) ?? "";
      const next = code.slice(i + 1).trimStart()[0] ?? "";
      if (!"+=(?:&|".includes(last) && !"+.?:".includes(next)) return i;
    }
  }
  return i;
}
