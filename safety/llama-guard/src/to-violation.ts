import type { GuardVerdict } from "./guard-verdict.ts";

/** The refusal text llama-stack's Llama Guard shield returns (asserted verbatim by its tests). */
export const LLAMA_GUARD_REFUSAL = "I can't answer that. Can I help with something else?";

/** A run-shield violation; structurally a `SafetyViolation` of `@llama-stack-ts/api`. */
export interface GuardViolation {
  violation_level: "error";
  user_message: string;
  /** `violation_type`: the codes joined with "," (no spaces), e.g. "S1,S10". */
  metadata: { violation_type: string };
}

/** A verdict as a run-shield result: `null` when safe. */
export function toViolation(verdict: GuardVerdict): GuardViolation | null {
  if (verdict.safe) return null;
  return {
    violation_level: "error",
    user_message: LLAMA_GUARD_REFUSAL,
    metadata: { violation_type: verdict.codes.join(",") },
  };
}
