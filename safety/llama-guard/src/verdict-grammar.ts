import { type CategoryCode, categoryNumber } from "./categories.ts";

/**
 * A GBNF grammar (llama.cpp syntax) that only admits `safe` or `unsafe\n` followed by one or more
 * comma-separated codes from `categories`, e.g. `unsafe\nS1,S10`.
 *
 * Why: Llama Guard answers in a tiny fixed language, but a small or heavily quantised model can
 * drift — leading blank lines, "Unsafe", prose, a code it was never shown. Constraining decoding
 * to the verdict language means every answer parses and every code is one that was in the prompt.
 * Duplicates are not prevented (`parseVerdict` de-duplicates). The grammar allows no leading
 * whitespace, although the 1B sometimes starts with "\n\n" unconstrained.
 *
 * In GBNF string literals `\n` is an escape for a newline, so the grammar text must contain a
 * backslash followed by `n` (not a raw newline, which would end the rule).
 */
export function verdictGrammar(categories: readonly CategoryCode[]): string {
  if (categories.length === 0) throw new Error("a verdict grammar needs at least one category");
  const codes = [...new Set(categories)].sort((a, b) => categoryNumber(a) - categoryNumber(b));
  return [
    String.raw`root ::= "safe" | "unsafe\n" cat ("," cat)*`,
    `cat ::= ${codes.map((code) => `"${code}"`).join(" | ")}`,
  ].join("\n");
}
