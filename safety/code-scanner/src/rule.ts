import type { Language } from "./language.ts";

/** `error`: exploitable as written or leaks a secret; `warning`: risky, depending on data or purpose. */
export type Severity = "warning" | "error";

/** Where a rule fired: `index` is an offset into the scanned code. */
export interface RuleMatch {
  index: number;
  /** Offsets (in the code) of secret text that must not be echoed in a finding's excerpt. */
  redact?: { start: number; end: number };
}

export interface Rule {
  /** Unique dotted id, `<family>.<name>`, e.g. `python.subprocess-shell-true`. */
  id: string;
  languages: readonly Language[];
  severity: Severity;
  /** One readable sentence saying what is wrong and what to do instead. */
  message: string;
  /** The closest CWE, e.g. `CWE-78`. */
  cwe?: string;
  /** Every place in `code` the rule fires; `language` is the language the snippet is scanned as. */
  test(code: string, language?: Language): RuleMatch[];
}
