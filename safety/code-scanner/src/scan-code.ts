import { ALL_RULES } from "./all-rules.ts";
import type { CodeSnippet } from "./code-snippet.ts";
import { excerptLine } from "./excerpt-line.ts";
import type { Finding } from "./finding.ts";
import { guessLanguage, type Language } from "./language.ts";
import { lineStarts } from "./line-index.ts";
import type { Rule } from "./rule.ts";

export interface ScanCodeInput {
  language: Language;
  code: string;
  source?: CodeSnippet["source"];
}

/**
 * Runs the rules for the snippet's language (plus the secret rules, which apply everywhere). An
 * `unknown` snippet is scanned as `guessLanguage(code)`. Findings come sorted by position, then rule
 * order; a rule reports a given line once.
 */
export function scanCode(snippet: ScanCodeInput, options: { rules?: readonly Rule[] } = {}): Finding[] {
  const rules = options.rules ?? ALL_RULES;
  const language = snippet.language === "unknown" ? guessLanguage(snippet.code) : snippet.language;
  const hits: Array<{ index: number; order: number; finding: Finding }> = [];
  const seen = new Set<string>();
  const starts = lineStarts(snippet.code);
  rules.forEach((rule, order) => {
    if (!rule.languages.includes(language)) return;
    for (const match of [...rule.test(snippet.code, language)].sort((a, b) => a.index - b.index)) {
      const { line, excerpt } = excerptLine(snippet.code, starts, match);
      const key = `${rule.id}\u0000${line}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const finding: Finding = {
        ruleId: rule.id,
        severity: rule.severity,
        message: rule.message,
        language,
        line,
        excerpt,
      };
      if (rule.cwe) finding.cwe = rule.cwe;
      if (snippet.source) finding.source = snippet.source;
      hits.push({ index: match.index, order, finding });
    }
  });
  return hits
    .sort((a, b) => a.finding.line - b.finding.line || a.index - b.index || a.order - b.order)
    .map((hit) => hit.finding);
}
