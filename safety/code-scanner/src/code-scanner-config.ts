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
  /**
   * A scan running longer than this is stopped and the input refused (an `error` violation with rule
   * id `code-scanner.not-scanned`): unscanned code is not passed as clean. Scanning is linear, about
   * 1 ms per KB of hostile code, so the default (10 000) only trips on megabytes.
   */
  scan_timeout_ms: z.number().int().positive().optional(),
  /**
   * Inputs with at least this many characters of text are scanned in a worker thread, so a large
   * scan does not hold up other requests; smaller ones are scanned inline, where they cost less than
   * a worker round trip (default 16 384).
   */
  off_thread_chars: z.number().int().nonnegative().optional(),
});
export type CodeScannerConfig = z.infer<typeof CodeScannerConfigSchema>;

// Defaults applied by the shield rather than the schema, so a parsed config lists only what was set.
export const DEFAULT_SCAN_TIMEOUT_MS = 10_000;
/** About 4 ms of scanning; below it a scan costs less than a worker round trip. */
export const DEFAULT_OFF_THREAD_CHARS = 16_384;
