import { z } from "zod";
import { ALL_RULES } from "./all-rules.ts";

const RULE_IDS: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.id));
const FAMILIES: ReadonlySet<string> = new Set(ALL_RULES.map((rule) => rule.id.split(".")[0]!));

function isKnownRule(id: string): boolean {
  return id.endsWith(".*") ? FAMILIES.has(id.slice(0, -2)) : RULE_IDS.has(id);
}

/**
 * `inline::code-scanner` provider config.
 *
 * `min_severity` defaults to `warning`: every finding is reported, but only `error` findings make an
 * `error` violation (which blocks); warnings alone make a `warn` violation (reported, not blocking).
 * Upstream CodeShield flags any insecure code as `error`; set `min_severity: error` to ignore warnings.
 */
export const CodeScannerConfigSchema = z.strictObject({
  min_severity: z.enum(["warning", "error"]).default("warning"),
  /** Rule ids to skip, e.g. `python.weak-hash`; `family.*` (e.g. `secret.*`) skips a whole family. */
  disabled_rules: z
    .array(
      z.string().refine(isKnownRule, {
        error: (issue) =>
          `Unknown code-scanner rule ${JSON.stringify(issue.input)}: use a rule id such as "python.os-system" or a family such as "secret.*"`,
      }),
    )
    .default([]),
});
export type CodeScannerConfig = z.infer<typeof CodeScannerConfigSchema>;
