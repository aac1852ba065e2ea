import { type CategoryCode, isCategoryCode } from "./categories.ts";
import type { GuardVerdict } from "./guard-verdict.ts";
import { GuardVerdictError } from "./guard-verdict-error.ts";

export interface ParseVerdictOptions {
  /** The categories that were in the prompt; only used to report `notInPrompt`. */
  categories?: readonly CategoryCode[];
  /** The shield's configured `excluded_categories`, applied literally. */
  excluded?: readonly string[];
}

const CODE = /\bS\d{1,2}\b/g;

/**
 * Reads a Llama Guard answer (`safe`, or `unsafe\nS1,S3`) as llama-stack v0.7.1 does:
 * - surrounding whitespace is ignored (the 1B may start with "\n\n");
 * - exactly `safe` → safe;
 * - starting with `unsafe` → the codes are every `S<1–2 digits>` word that is a real code S1–S14
 *   (so "S1, S3" and "S1 S3" work, "S15" is ignored); none → `GuardVerdictError`;
 * - anything else → `GuardVerdictError`.
 *
 * Exclusions: if every code is excluded the verdict is safe. Otherwise the excluded codes are
 * removed from `codes` (upstream would still report them).
 *
 * A valid code that was not in the prompt (S14 from a 13-category model) is kept: the model flagged
 * the content and a safety check should not second-guess it. It is also listed in `notInPrompt` so a
 * caller can log it. Under `verdictGrammar` this cannot happen.
 */
export function parseVerdict(text: string, options: ParseVerdictOptions = {}): GuardVerdict {
  const answer = text.trim();
  if (answer === "safe") return { safe: true };
  if (!answer.startsWith("unsafe")) throw new GuardVerdictError(text);
  const found = [...new Set(Array.from(answer.matchAll(CODE), (match) => match[0]))].filter(isCategoryCode);
  if (found.length === 0) throw new GuardVerdictError(text);
  const excluded = new Set(options.excluded ?? []);
  const codes = found.filter((code) => !excluded.has(code));
  if (codes.length === 0) return { safe: true };
  if (options.categories) {
    const listed = new Set(options.categories);
    const notInPrompt = codes.filter((code) => !listed.has(code));
    if (notInPrompt.length > 0) return { safe: false, codes, notInPrompt };
  }
  return { safe: false, codes };
}
