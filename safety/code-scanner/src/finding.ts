import type { SnippetSource } from "./code-snippet.ts";
import type { Language } from "./language.ts";
import type { Severity } from "./rule.ts";

export interface Finding {
  ruleId: string;
  severity: Severity;
  message: string;
  cwe?: string;
  /** The language the snippet was scanned as (a guess when it came in as `unknown`). */
  language: Language;
  /** 1-based line within the snippet's code. */
  line: number;
  /** The matched line, trimmed, at most 200 characters, with secret values masked. */
  excerpt: string;
  source?: SnippetSource;
}
