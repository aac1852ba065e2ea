/** One candidate of the first generated token, as in OpenAI `logprobs.content[0].top_logprobs`. */
export interface TokenLogprob {
  token: string;
  logprob: number;
}

/**
 * P(unsafe) from the top log-probabilities of the **first** generated token (the 8B model card's
 * scoring tip), normalised over the safe/unsafe candidates present:
 * `Σ p(unsafe-like) / (Σ p(unsafe-like) + Σ p(safe-like))`.
 *
 * A token counts after dropping leading whitespace and lower-casing: unsafe-like if it starts with
 * "unsafe" or is a prefix of it at least two characters long ("un", "uns"…), safe-like likewise for
 * "safe" ("sa", "saf"…). Whitespace-only tokens (the 1B's leading "\n\n"), "s"/"u" alone and
 * anything else are ignored. `undefined` when no candidate is either (e.g. the list holds only "\n\n":
 * then score the next token instead).
 */
export function unsafeProbability(topLogprobs: readonly TokenLogprob[]): number | undefined {
  let unsafe = 0;
  let safe = 0;
  for (const { token, logprob } of topLogprobs) {
    if (typeof token !== "string" || !Number.isFinite(logprob)) continue;
    const word = token.trimStart().toLowerCase();
    if (isLike(word, "unsafe")) unsafe += Math.exp(logprob);
    else if (isLike(word, "safe")) safe += Math.exp(logprob);
  }
  const total = unsafe + safe;
  return total > 0 ? unsafe / total : undefined;
}

function isLike(word: string, target: string): boolean {
  return word.startsWith(target) || (word.length >= 2 && target.startsWith(word));
}
