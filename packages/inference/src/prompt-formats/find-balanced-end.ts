const CLOSERS: Record<string, string> = { "{": "}", "[": "]", "(": ")" };

/**
 * Index just past the bracket closing the one at `start`, skipping quoted strings (both quote
 * kinds, for JSON and Python); -1 when the text ends first.
 */
export function findBalancedEnd(text: string, start: number): number {
  const stack: string[] = [];
  let quote: string | null = null;
  for (let at = start; at < text.length; at++) {
    const char = text[at]!;
    if (quote) {
      if (char === "\\") at++;
      else if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (CLOSERS[char]) {
      stack.push(CLOSERS[char]);
    } else if (char === "}" || char === "]" || char === ")") {
      if (stack.pop() !== char) return -1;
      if (stack.length === 0) return at + 1;
    }
  }
  return -1;
}
