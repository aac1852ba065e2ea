import type { Language } from "../language.ts";
import type { Rule, RuleMatch, Severity } from "../rule.ts";
import { type LexedCode, lexCode } from "./lex-code.ts";

export interface RuleSpec {
  id: string;
  languages: readonly Language[];
  severity: Severity;
  message: string;
  cwe?: string;
  /** How to lex the code; defaults to the rule's first language. */
  lexAs?: Language;
  find(lexed: LexedCode, language: Language): RuleMatch[];
}

/** A rule whose `test` lexes the code once (memoised) and hands the views to `find`. */
export function defineRule(spec: RuleSpec): Rule {
  const lexAs = spec.lexAs ?? spec.languages[0] ?? "unknown";
  const rule: Rule = {
    id: spec.id,
    languages: spec.languages,
    severity: spec.severity,
    message: spec.message,
    test: (code, language) => spec.find(lexCode(code, lexAs), language ?? lexAs),
  };
  if (spec.cwe) rule.cwe = spec.cwe;
  return rule;
}
