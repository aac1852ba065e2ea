import { ALL_RULES } from "./all-rules.ts";
import { extractCode } from "./extract-code.ts";
import type { Finding } from "./finding.ts";
import type { Rule } from "./rule.ts";
import { scanCode } from "./scan-code.ts";
import { type ScanOptions, scanOptionsSchema } from "./scan-options.ts";

export interface ScanResult {
  findings: Finding[];
  /** How many code snippets were extracted and scanned. */
  snippets: number;
}

function isDisabled(rule: Rule, disabled: readonly string[]): boolean {
  return disabled.some((id) => id === rule.id || (id.endsWith(".*") && rule.id.startsWith(id.slice(0, -1))));
}

/**
 * Extracts the code in `messages` and scans it. Findings follow message order, then snippet order,
 * then position. The same rule firing on the same line text at the same line of one message (for
 * example the same code both in a `<|python_tag|>` and in the tool call) is reported once.
 * Throws a ZodError on malformed options.
 */
export function scanMessages(messages: readonly unknown[], options: ScanOptions = {}): ScanResult {
  const { minSeverity = "warning", disabledRules = [] } = scanOptionsSchema.parse(options);
  const rules = ALL_RULES.filter(
    (rule) => !isDisabled(rule, disabledRules) && (minSeverity === "warning" || rule.severity === "error"),
  );
  const snippets = extractCode(messages);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const snippet of snippets) {
    for (const finding of scanCode(snippet, { rules })) {
      const key = [finding.ruleId, snippet.source.messageIndex, finding.line, finding.excerpt].join("\u0000");
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding);
    }
  }
  return { findings, snippets: snippets.length };
}
