import type { SafetyViolation } from "@llama-stack-ts/api";
import type { Finding } from "./finding.ts";

/** The refusal llama-stack's code-scanner shield returns (asserted verbatim by its tests). */
export const CODE_SCANNER_REFUSAL = "Sorry, I found security concerns in the code.";

/** Rule ids in first-seen order, each once. */
export function ruleIds(findings: readonly Finding[]): string[] {
  return [...new Set(findings.map((finding) => finding.ruleId))];
}

/**
 * Findings as a run-shield result: `null` when there are none; otherwise `error` if any finding is
 * an error (the agent stops), else `warn` (reported, the turn goes on). `violation_type` is the
 * comma-joined rule ids, as upstream joins CodeShield pattern ids.
 */
export function toViolation(findings: readonly Finding[]): SafetyViolation | null {
  if (findings.length === 0) return null;
  return {
    violation_level: findings.some((finding) => finding.severity === "error") ? "error" : "warn",
    user_message: CODE_SCANNER_REFUSAL,
    metadata: {
      violation_type: ruleIds(findings).join(","),
      findings: findings.map((finding) => ({
        rule_id: finding.ruleId,
        severity: finding.severity,
        message: finding.message,
        line: finding.line,
        language: finding.language,
        message_index: finding.source?.messageIndex ?? 0,
      })),
    },
  };
}
