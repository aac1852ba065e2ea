import type { Language } from "../language.ts";
import { callArguments, type Span, trimSpan } from "../match/call-arguments.ts";
import { defineRule } from "../match/define-rule.ts";
import { findAll } from "../match/find-all.ts";
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
  return first !== undefined && /(?<!%)%s/.test(lexed.raw.slice(first.start, first.end));
}

function literalText(lexed: LexedCode, span: Span): string | undefined {
  const literal = lexed.stringStartingAt.get(span.start);
  return literal ? lexed.raw.slice(literal.contentStart, literal.contentEnd) : undefined;
}

function statementEnd(code: string, from: number): number {
  const semicolon = code.indexOf(";", from);
  return semicolon < 0 ? code.length : semicolon;
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
      const executes = findAll(
        code,
        /\bEXEC(?:UTE)?\b(?!\s+(?:PROCEDURE|FUNCTION|sp_executesql)\b)(?:\s+IMMEDIATE\b)?/gi,
        (m) => {
          let start = m.index + m[0].length;
          let end = statementEnd(code, start);
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
        },
      );
      const assignments = findAll(code, /\bSET\s+@\w+\s*=|:=/gi, (m) => {
        const start = m.index + m[0].length;
        return hasUnsafeOperand(lexed, concatenationOperands(code, start, statementEnd(code, start)), true);
      });
      const concats = findAll(code, /\bCONCAT[ \t]*\(/gi, (m) => {
        const { args } = callArguments(lexed, m.index + m[0].length - 1);
        return hasUnsafeOperand(lexed, args, true);
      });
      return [...executes, ...assignments, ...concats];
    },
  }),
  defineRule({
    id: "sql.grant-all-to-everyone",
    languages: SQL,
    severity: "error",
    cwe: "CWE-732",
    message:
      "Every privilege is granted to everyone (PUBLIC, or any host with '%'); grant the specific privileges a named role needs.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /\bGRANT\s+ALL(?:\s+PRIVILEGES)?\s+ON\s+[^;]*?\bTO\s+PUBLIC\b|\bGRANT\s+ALL(?:\s+PRIVILEGES)?\s+ON\s+\*\.\*\s+TO\s+[^;]*?@\s*["'`]%["'`]/gi,
      ),
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
