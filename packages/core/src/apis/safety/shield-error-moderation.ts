import type { ModerationResult, ShieldOptions } from "@llama-stack-ts/api";
import { errorMessage, SHIELD_ERROR_USER_MESSAGE } from "./shield-error-violation.ts";

/**
 * One moderation result per input for a shield that failed: flagged when it fails closed
 * (`block`), unflagged when it fails open (`allow`); either way `metadata.shield_error` says why.
 */
export function shieldErrorModeration(
  inputs: readonly string[],
  error: unknown,
  onError: ShieldOptions["on_error"],
): ModerationResult[] {
  const blocked = onError === "block";
  return inputs.map(() => ({
    flagged: blocked,
    categories: {},
    category_scores: {},
    category_applied_input_types: {},
    user_message: blocked ? SHIELD_ERROR_USER_MESSAGE : null,
    metadata: { shield_error: errorMessage(error), on_error: onError },
  }));
}
