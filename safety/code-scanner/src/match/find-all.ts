import type { RuleMatch } from "../rule.ts";

/**
 * Every match of `pattern` (made global if it is not) in `view`. `check` may veto a match (false/null),
 * accept it at its own offset (true), or return the match to report.
 */
export function findAll(
  view: string,
  pattern: RegExp,
  check?: (match: RegExpExecArray) => RuleMatch | boolean | null | undefined,
): RuleMatch[] {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  const found: RuleMatch[] = [];
  for (const match of view.matchAll(global)) {
    const verdict = check ? check(match) : true;
    if (verdict === true) found.push({ index: match.index });
    else if (verdict) found.push(verdict);
  }
  return found;
}
