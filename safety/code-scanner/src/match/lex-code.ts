import type { Language } from "../language.ts";

/** One string literal as the lexer saw it. Offsets index the raw code. */
export interface StringLiteral {
  /** First character, including a prefix such as python's `f`/`r`/`b` or SQL's `E`/`N`. */
  start: number;
  /** One past the closing quote (or where an unterminated literal stopped). */
  end: number;
  contentStart: number;
  contentEnd: number;
  quote: string;
  prefix: string;
  /** The literal splices values in: a python f-string with `{…}`, a JS template with `${…}`, a shell "…$x…". */
  interpolated: boolean;
}

/**
 * Three same-length views of a snippet, so a rule can match structure in one view and read the text at
 * the same offsets in another:
 * - `raw`: the code as given;
 * - `noComments`: comments (and python docstrings) blanked to spaces;
 * - `codeOnly`: also the contents of string literals blanked (quotes and prefixes stay).
 * Newlines are never blanked, so line numbers agree across the views.
 */
export interface LexedCode {
  language: Language;
  raw: string;
  noComments: string;
  codeOnly: string;
  strings: readonly StringLiteral[];
  stringStartingAt: ReadonlyMap<number, StringLiteral>;
  stringEndingAt: ReadonlyMap<number, StringLiteral>;
  /**
   * For each `(`, `[` or `{` of `codeOnly`, the offset of the bracket that closes it (any closing
   * kind, as the scanners count depth), or `codeOnly.length` when none does; other offsets are -1.
   * Lets a call's arguments be read without rescanning nested brackets, which made overlapping
   * calls (`eval(eval(eval(…`) quadratic.
   */
  closingBracket: Int32Array;
}

interface Views {
  raw: string;
  noComments: string[];
  codeOnly: string[];
  strings: StringLiteral[];
}

const CACHE_SIZE = 32;
const cache = new Map<string, LexedCode>();

/** Lexes `code` as `language` (a small memo keeps the ~40 rules from re-lexing one snippet). */
export function lexCode(code: string, language: Language): LexedCode {
  const key = `${language}\u0000${code}`;
  const cached = cache.get(key);
  if (cached) return cached;
  const views: Views = { raw: code, noComments: code.split(""), codeOnly: code.split(""), strings: [] };
  if (language === "python") lexPython(views);
  else if (language === "javascript") lexJavascript(views);
  else if (language === "shell") lexShell(views);
  else if (language === "sql") lexSql(views);
  const codeOnly = views.codeOnly.join("");
  const lexed: LexedCode = {
    language,
    raw: code,
    noComments: views.noComments.join(""),
    codeOnly,
    strings: views.strings,
    stringStartingAt: new Map(views.strings.map((s) => [s.start, s])),
    stringEndingAt: new Map(views.strings.map((s) => [s.end, s])),
    closingBracket: closingBrackets(codeOnly),
  };
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  cache.set(key, lexed);
  return lexed;
}

function closingBrackets(code: string): Int32Array {
  const closing = new Int32Array(code.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) {
      closing[i] = code.length;
      open.push(i);
    } else if (c === 41 || c === 93 || c === 125) {
      const opener = open.pop();
      if (opener !== undefined) closing[opener] = i;
    }
  }
  return closing;
}

function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end && i < chars.length; i++) {
    if (chars[i] !== "\n" && chars[i] !== "\r") chars[i] = " ";
  }
}

function lineEnd(text: string, from: number): number {
  const i = text.indexOf("\n", from);
  return i < 0 ? text.length : i;
}

function comment(views: Views, start: number, end: number): number {
  blank(views.noComments, start, end);
  blank(views.codeOnly, start, end);
  return end;
}

function addString(views: Views, literal: StringLiteral): number {
  views.strings.push(literal);
  blank(views.codeOnly, literal.contentStart, literal.contentEnd);
  return literal.end;
}

/** Scans a quoted run from `i` (at the opening quote); backslash escapes; single-line unless `multiline`. */
function scanQuoted(raw: string, i: number, quote: string, multiline: boolean, escapes = true) {
  let j = i + quote.length;
  while (j < raw.length) {
    if (escapes && raw[j] === "\\") {
      j += 2;
      continue;
    }
    if (raw.startsWith(quote, j)) return { contentEnd: j, end: j + quote.length };
    if (!multiline && raw[j] === "\n") return { contentEnd: j, end: j };
    j++;
  }
  return { contentEnd: raw.length, end: raw.length };
}

function lexPython(views: Views): void {
  const { raw } = views;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "#") {
      i = comment(views, i, lineEnd(raw, i));
      continue;
    }
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    let start = i;
    while (start > 0 && i - start < 2 && /[rRbBuUfF]/.test(raw[start - 1] ?? "")) start--;
    if (start > 0 && /\w/.test(raw[start - 1] ?? "")) start = i;
    const prefix = raw.slice(start, i);
    const quote = raw.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
    const { contentEnd, end } = scanQuoted(raw, i, quote, quote.length === 3);
    const contentStart = i + quote.length;
    if (quote.length === 3 && !/f/i.test(prefix) && isDocstringPosition(views, start)) {
      i = comment(views, start, end);
      continue;
    }
    const content = raw.slice(contentStart, contentEnd);
    const interpolated = /f/i.test(prefix) && content.replace(/\{\{|\}\}/g, "").includes("{");
    i = addString(views, { start, end, contentStart, contentEnd, quote, prefix, interpolated });
  }
}

/** A triple-quoted string alone at the start of a line right after a `:` (or the file start) is a docstring. */
function isDocstringPosition(views: Views, start: number): boolean {
  // Only the blanks before the quote are read (not the whole line, once per string on a long line).
  let k = start - 1;
  while (k >= 0 && views.raw[k] !== "\n" && /\s/.test(views.raw[k] ?? "")) k--;
  if (k >= 0 && views.raw[k] !== "\n") return false;
  k = start - 1;
  while (k >= 0 && /\s/.test(views.noComments[k] ?? "")) k--;
  return k < 0 || views.noComments[k] === ":";
}

function lexJavascript(views: Views): void {
  const { raw } = views;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    const next = raw[i + 1];
    if (c === "/" && next === "/") {
      i = comment(views, i, lineEnd(raw, i));
    } else if (c === "/" && next === "*") {
      const close = raw.indexOf("*/", i + 2);
      i = comment(views, i, close < 0 ? raw.length : close + 2);
    } else if (c === '"' || c === "'") {
      const { contentEnd, end } = scanQuoted(raw, i, c, false);
      const literal = { start: i, end, contentStart: i + 1, contentEnd, quote: c, prefix: "" };
      i = addString(views, { ...literal, interpolated: false });
    } else if (c === "`") {
      const { end, interpolated } = scanTemplate(raw, i);
      const closed = raw[end - 1] === "`" && end - 1 > i;
      const contentEnd = closed ? end - 1 : end;
      i = addString(views, {
        start: i,
        end,
        contentStart: i + 1,
        contentEnd,
        quote: "`",
        prefix: "",
        interpolated,
      });
    } else {
      i++;
    }
  }
}

/** Deeper template nesting than this is not real code; the rest of the input is treated as one literal. */
const MAX_TEMPLATE_DEPTH = 32;

/** From the opening backtick to one past the closing one, stepping over `${ … }` (nested templates too). */
function scanTemplate(raw: string, i: number, depth = 0): { end: number; interpolated: boolean } {
  if (depth > MAX_TEMPLATE_DEPTH) return { end: raw.length, interpolated: true };
  let j = i + 1;
  let interpolated = false;
  while (j < raw.length) {
    const c = raw[j];
    if (c === "\\") {
      j += 2;
    } else if (c === "`") {
      return { end: j + 1, interpolated };
    } else if (c === "$" && raw[j + 1] === "{") {
      interpolated = true;
      j = skipTemplateExpression(raw, j + 2, depth);
    } else {
      j++;
    }
  }
  return { end: raw.length, interpolated };
}

function skipTemplateExpression(raw: string, i: number, nesting: number): number {
  let depth = 1;
  let j = i;
  while (j < raw.length) {
    const c = raw[j];
    if (c === '"' || c === "'") {
      j = scanQuoted(raw, j, c, false).end;
    } else if (c === "`") {
      j = scanTemplate(raw, j, nesting + 1).end;
    } else {
      if (c === "{") depth++;
      if (c === "}" && --depth === 0) return j + 1;
      j++;
    }
  }
  return raw.length;
}

function lexShell(views: Views): void {
  const { raw } = views;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    if (c === "\\") {
      i += 2;
    } else if (c === "#" && (i === 0 || /[\s;&|(]/.test(raw[i - 1] ?? ""))) {
      i = comment(views, i, lineEnd(raw, i));
    } else if (c === "'") {
      const ansiC = raw[i - 1] === "$";
      const { contentEnd, end } = scanQuoted(raw, i, "'", true, ansiC);
      const literal = { start: i, end, contentStart: i + 1, contentEnd, quote: "'", prefix: "" };
      i = addString(views, { ...literal, interpolated: false });
    } else if (c === '"') {
      const { contentEnd, end } = scanQuoted(raw, i, '"', true);
      const interpolated = /(?:^|[^\\])\$[\w{(@*#?!-]/.test(raw.slice(i + 1, contentEnd));
      const literal = { start: i, end, contentStart: i + 1, contentEnd, quote: '"', prefix: "" };
      i = addString(views, { ...literal, interpolated });
    } else {
      i++;
    }
  }
}

function lexSql(views: Views): void {
  const { raw } = views;
  let i = 0;
  while (i < raw.length) {
    const c = raw[i];
    const next = raw[i + 1];
    if (c === "-" && next === "-") {
      i = comment(views, i, lineEnd(raw, i));
    } else if (c === "/" && next === "*") {
      const close = raw.indexOf("*/", i + 2);
      i = comment(views, i, close < 0 ? raw.length : close + 2);
    } else if (c === "'") {
      let start = i;
      if (/[EeNn]/.test(raw[i - 1] ?? "") && !/\w/.test(raw[i - 2] ?? "")) start = i - 1;
      let j = i + 1;
      while (j < raw.length && !(raw[j] === "'" && raw[j + 1] !== "'")) j += raw[j] === "'" ? 2 : 1;
      const end = Math.min(j + 1, raw.length);
      const literal = {
        start,
        end,
        contentStart: i + 1,
        contentEnd: j,
        quote: "'",
        prefix: raw.slice(start, i),
      };
      i = addString(views, { ...literal, interpolated: false });
    } else {
      i++;
    }
  }
}
