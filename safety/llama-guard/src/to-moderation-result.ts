import { CATEGORY_CODES, CATEGORY_NAMES } from "./categories.ts";
import type { GuardVerdict } from "./guard-verdict.ts";
import { LLAMA_GUARD_REFUSAL } from "./to-violation.ts";

/** One entry of an OpenAI moderations `results` array, as llama-stack's Llama Guard builds it. */
export interface GuardModerationResult {
  flagged: boolean;
  /** Keyed by all 14 prompt names ("Violent Crimes" … "Code Interpreter Abuse"). */
  categories: Record<string, boolean>;
  category_scores: Record<string, number>;
  category_applied_input_types: Record<string, string[]>;
  user_message: string | null;
  metadata: Record<string, unknown>;
}

export interface ToModerationResultOptions {
  /** P(unsafe) in [0, 1], e.g. from `unsafeProbability`; see `toModerationResult`. */
  unsafeScore?: number;
}

/**
 * A verdict as a moderation result (llama-stack `create_moderation_object`):
 * - safe: not flagged, every category false with score 1.0 (sic: upstream's "confidence"), applied
 *   input types `[]`, `user_message` null, `metadata` `{}`;
 * - unsafe: flagged; the listed categories true with score 1.0 and applied types `["text"]`, the
 *   others false, 0.0 and `[]`; the canned refusal; `metadata.violation_type` the codes as a list.
 *
 * With `unsafeScore` the flagged categories score that probability instead of 1.0 (a single number
 * for the whole answer: Llama Guard gives no per-category probability). Safe results keep 1.0 for
 * upstream parity.
 */
export function toModerationResult(
  verdict: GuardVerdict,
  options: ToModerationResultOptions = {},
): GuardModerationResult {
  const { unsafeScore } = options;
  if (unsafeScore !== undefined && !(unsafeScore >= 0 && unsafeScore <= 1)) {
    throw new RangeError(`unsafeScore must be a probability in [0, 1], got ${unsafeScore}`);
  }
  const flaggedCodes = new Set<string>(verdict.safe ? [] : verdict.codes);
  const categories: Record<string, boolean> = {};
  const scores: Record<string, number> = {};
  const appliedTypes: Record<string, string[]> = {};
  for (const code of CATEGORY_CODES) {
    const name = CATEGORY_NAMES[code];
    const flagged = flaggedCodes.has(code);
    categories[name] = flagged;
    scores[name] = verdict.safe ? 1.0 : flagged ? (unsafeScore ?? 1.0) : 0.0;
    appliedTypes[name] = flagged ? ["text"] : [];
  }
  return {
    flagged: !verdict.safe,
    categories,
    category_scores: scores,
    category_applied_input_types: appliedTypes,
    user_message: verdict.safe ? null : LLAMA_GUARD_REFUSAL,
    metadata: verdict.safe ? {} : { violation_type: [...verdict.codes] },
  };
}
