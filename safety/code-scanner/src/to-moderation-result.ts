import type { ModerationResult } from "@llama-stack-ts/api";
import type { Finding } from "./finding.ts";
import { ruleIds } from "./to-violation.ts";

/** The category every code-scanner moderation result carries, besides one key per rule that fired. */
export const INSECURE_CODE_CATEGORY = "insecure-code";

/**
 * Findings as one OpenAI moderation result, shaped like upstream's (`get_moderation_object_results`):
 * flagged rules are categories (true, score 1.0, applied to `["text"]`); `user_message` is
 * `Security concerns detected in the code. BLOCK: <rule messages>` (`WARN` when no finding is an
 * error); `metadata.violation_type` the comma-joined rule ids. We add an `insecure-code` category
 * that is always present, so a clean result is not an empty object.
 */
export function toModerationResult(findings: readonly Finding[]): ModerationResult {
  const flagged = findings.length > 0;
  const ids = ruleIds(findings);
  const categories: Record<string, boolean> = { [INSECURE_CODE_CATEGORY]: flagged };
  const scores: Record<string, number> = { [INSECURE_CODE_CATEGORY]: flagged ? 1.0 : 0.0 };
  const applied: Record<string, string[]> = { [INSECURE_CODE_CATEGORY]: flagged ? ["text"] : [] };
  for (const id of ids) {
    categories[id] = true;
    scores[id] = 1.0;
    applied[id] = ["text"];
  }
  if (!flagged) {
    return {
      flagged,
      categories,
      category_scores: scores,
      category_applied_input_types: applied,
      user_message: null,
      metadata: {},
    };
  }
  const treatment = findings.some((finding) => finding.severity === "error") ? "BLOCK" : "WARN";
  // One description per rule; our messages are sentences, so drop the final stop before joining.
  const descriptions = ids.map((id) =>
    findings.find((finding) => finding.ruleId === id)!.message.replace(/\.$/, ""),
  );
  return {
    flagged,
    categories,
    category_scores: scores,
    category_applied_input_types: applied,
    user_message: `Security concerns detected in the code. ${treatment}: ${descriptions.join("; ")}`,
    metadata: { violation_type: ids.join(",") },
  };
}
