import type { Language } from "../language.ts";
import { callArguments, type Span, trimSpan } from "../match/call-arguments.ts";
import { defineRule } from "../match/define-rule.ts";
import { findAfterHead } from "../match/find-after-head.ts";
import { findAll } from "../match/find-all.ts";
import { hasMatchWithin } from "../match/has-match-within.ts";
import { isPlaceholderSecret } from "../match/is-placeholder-secret.ts";
import type { LexedCode } from "../match/lex-code.ts";
import { looksLikeSql } from "../match/looks-like-sql.ts";
import type { Rule } from "../rule.ts";

const SQL: readonly Language[] = ["sql"];

/** Splits `[start, end)` of the codeOnly view at top-level `||` and `+` operators. */
function concatenationOperands(code: string, start: number, end: number): Span[] {
  const operands: Span[] = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    const c = code[i] ?? "";
    if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (depth === 0 && (c === "+" || (c === "|" && code[i + 1] === "|"))) {
      operands.push(trimSpan(code, from, i));
      if (c === "|") i++;
      from = i + 1;
    }
  }
  operands.push(trimSpan(code, from, end));
  return operands.filter((s) => s.end > s.start);
}

/** A string literal, a number, or a value passed through a quoting function. */
function isSafeOperand(lexed: LexedCode, span: Span): boolean {
  const text = lexed.codeOnly.slice(span.start, span.end);
  if (lexed.stringStartingAt.get(span.start)?.end === span.end) return true;
  if (/^\d+(?:\.\d+)?$/.test(text)) return true;
  if (/^(?:quote_ident|quote_literal|quote_nullable|QUOTENAME)[ \t]*\(/i.test(text)) return true;
  return /^format[ \t]*\(/i.test(text) && !formatUsesPlainS(lexed, span.start);
}

/** format('… %s …', x) splices x unquoted; %I and %L quote it. */
function formatUsesPlainS(lexed: LexedCode, formatStart: number): boolean {
  const open = lexed.codeOnly.indexOf("(", formatStart);
  const first = callArguments(lexed, open).args[0];
  return first !== undefined && hasMatchWithin(lexed, "raw", /(?<!%)%s/g, first.start, first.end);
}

function literalText(lexed: LexedCode, span: Span): string | undefined {
  const literal = lexed.stringStartingAt.get(span.start);
  return literal ? lexed.raw.slice(literal.contentStart, literal.contentEnd) : undefined;
}

/**
 * Matches of `pattern` with where their statement ends: at the next `;`, or at the next match when
 * that comes first (a statement holds one assignment or EXECUTE). Each character is read for one
 * match only: without `;`, every match read on to the end of the code, which was quadratic.
 */
function statementMatches(code: string, pattern: RegExp): Array<{ match: RegExpExecArray; end: number }> {
  const matches = [...code.matchAll(pattern)];
  let semicolon = -1;
  return matches.map((match, k) => {
    const start = match.index + match[0].length;
    if (semicolon < start) {
      const next = code.indexOf(";", start);
      semicolon = next < 0 ? code.length : next;
    }
    const following = matches[k + 1]?.index ?? code.length;
    return { match, end: Math.max(start, Math.min(semicolon, following)) };
  });
}

/** Built dynamic SQL: every operand must be a literal or quoted, else the statement text is injectable. */
function hasUnsafeOperand(lexed: LexedCode, operands: Span[], needSqlLiteral: boolean): boolean {
  if (operands.length < 2) return false;
  if (needSqlLiteral && !operands.some((op) => looksLikeSql(literalText(lexed, op) ?? ""))) return false;
  return operands.some((op) => !isSafeOperand(lexed, op));
}

export const SQL_RULES: readonly Rule[] = [
  defineRule({
    id: "sql.dynamic-sql-concatenation",
    languages: SQL,
    severity: "error",
    cwe: "CWE-89",
    message:
      "Dynamic SQL is assembled by concatenating unquoted values into the statement text; use EXECUTE … USING / sp_executesql parameters, or quote with format('%I', …)/quote_literal().",
    find: (lexed) => {
      const code = lexed.codeOnly;
      const executes = statementMatches(
        code,
        /\bEXEC(?:UTE)?\b(?!\s+(?:PROCEDURE|FUNCTION|sp_executesql)\b)(?:\s+IMMEDIATE\b)?/gi,
      ).filter(({ match: m, end: statementEnd }) => {
        let start = m.index + m[0].length;
        let end = statementEnd;
        const clause = /\b(?:USING|INTO)\b/i.exec(code.slice(start, end));
        if (clause) end = start + clause.index;
        let span = trimSpan(code, start, end);
        if (code[span.start] === "(" && callArguments(lexed, span.start).end === span.end - 1) {
          span = trimSpan(code, span.start + 1, span.end - 1);
        }
        start = span.start;
        end = span.end;
        const operands = concatenationOperands(code, start, end);
        if (operands.length === 1 && operands[0] && /^format[ \t]*\(/i.test(code.slice(start, end))) {
          return formatUsesPlainS(lexed, start);
        }
        return hasUnsafeOperand(lexed, operands, false);
      });
      const assignments = statementMatches(code, /\bSET\s+@\w+\s*=|:=/gi).filter(({ match: m, end }) =>
        hasUnsafeOperand(lexed, concatenationOperands(code, m.index + m[0].length, end), true),
      );
      const concats = findAll(code, /\bCONCAT[ \t]*\(/gi, (m) => {
        const { args } = callArguments(lexed, m.index + m[0].length - 1);
        return hasUnsafeOperand(lexed, args, true);
      });
      return [...executes, ...assignments].map(({ match }) => ({ index: match.index })).concat(concats);
    },
  }),
  defineRule({
    id: "sql.grant-all-to-everyone",
    languages: SQL,
    severity: "error",
    cwe: "CWE-732",
    message:
      "Every privilege is granted to everyone (PUBLIC, or any host with '%'); grant the specific privileges a named role needs.",
    find: (lexed) => [
      ...findAfterHead(
        lexed.noComments,
        /\bGRANT\s+ALL(?:\s+PRIVILEGES)?\s+ON\s+/i,
        /[^;]*?\bTO\s+PUBLIC\b/i,
        ";",
      ),
      ...findAfterHead(
        lexed.noComments,
        /\bGRANT\s+ALL(?:\s+PRIVILEGES)?\s+ON\s+\*\.\*\s+TO\s+/i,
        /[^;]*?@\s*["'`]%["'`]/i,
        ";",
      ),
    ],
  }),
  defineRule({
    id: "sql.hardcoded-password",
    languages: SQL,
    severity: "error",
    cwe: "CWE-798",
    message:
      "A plaintext password is written into the SQL script; pass it in at deploy time (a psql variable or secret store), or use a pre-hashed SCRAM value.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /\b(?:PASSWORD|IDENTIFIED\s+(?:WITH\s+\w+\s+)?BY)\s+(')((?:''|[^'\n])*)'/gi,
        (m) => {
          const value = m[2] ?? "";
          if (isPlaceholderSecret(value) || /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$)/i.test(value)) return false;
          const start = m.index + m[0].length - 1 - value.length;
          return { index: start, redact: { start, end: start + value.length } };
        },
      ),
  }),
];
