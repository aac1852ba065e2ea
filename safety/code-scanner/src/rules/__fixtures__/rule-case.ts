import { describe, expect, it } from "vitest";
import type { Language } from "../../language.ts";
import { scanCode } from "../../scan-code.ts";

/** One rule's test table: code it must flag and nearby safe code it must leave alone. */
export interface RuleCase {
  ruleId: string;
  language: Language;
  positives: readonly string[];
  negatives: readonly string[];
}

export function ruleIds(language: Language, code: string): string[] {
  return scanCode({ language, code }).map((finding) => finding.ruleId);
}

/** A describe block per rule: every positive yields the rule id, no negative does. */
export function describeRuleCases(cases: readonly RuleCase[]): void {
  for (const { ruleId, language, positives, negatives } of cases) {
    describe(ruleId, () => {
      it.each(positives)("flags %s", (code) => {
        expect(ruleIds(language, code)).toContain(ruleId);
      });
      it.each(negatives)("leaves alone %s", (code) => {
        expect(ruleIds(language, code)).not.toContain(ruleId);
      });
    });
  }
}
