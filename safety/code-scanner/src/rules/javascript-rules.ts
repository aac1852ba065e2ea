import type { Language } from "../language.ts";
import { callArguments, firstArgument } from "../match/call-arguments.ts";
import { defineRule } from "../match/define-rule.ts";
import { expressionEnd } from "../match/expression-end.ts";
import { findAll } from "../match/find-all.ts";
import { hasMatchWithin } from "../match/has-match-within.ts";
import { isBuiltString } from "../match/is-built-string.ts";
import { isDynamic, literalPrefixEnd } from "../match/is-literal-expression.ts";
import type { LexedCode } from "../match/lex-code.ts";
import { looksLikeSql } from "../match/looks-like-sql.ts";
import { mentionsSecret } from "../match/mentions-secret.ts";
import type { Rule } from "../rule.ts";

const JAVASCRIPT: readonly Language[] = ["javascript"];
const GLOBAL_PREFIX = String.raw`(?:(?:window|globalThis|global|self)\.)?`;
/** Sticky: read at the value's first character, so a long expression is not sliced per match. */
const SANITIZER = /\s*(?:DOMPurify\.sanitize|purify\.sanitize|sanitize(?:Html)?|xss|escapeHtml)[ \t]*\(/y;

/** `name(…) {` or `name(…): T {` is a method or function being defined, not called. */
function isDefinition(lexed: LexedCode, m: RegExpExecArray): boolean {
  const { end } = callArguments(lexed, m.index + m[0].length - 1);
  return /^\s*(?::[^;{}=]*)?\{/.test(lexed.codeOnly.slice(end + 1, end + 200));
}

/** Read backwards from `offset` (a lookbehind), not by testing the whole text before each match. */
const AFTER_CHILD_PROCESS_REQUIRE = /(?<=\brequire\(\s*["'](?:node:)?child_process["']\s*\))/y;

function followsChildProcessRequire(raw: string, offset: number): boolean {
  AFTER_CHILD_PROCESS_REQUIRE.lastIndex = offset;
  return AFTER_CHILD_PROCESS_REQUIRE.test(raw);
}

function callsWithDynamicInput(lexed: LexedCode, pattern: RegExp) {
  return findAll(
    lexed.codeOnly,
    pattern,
    (m) => !isDefinition(lexed, m) && isDynamic(lexed, firstArgument(lexed, m)),
  );
}

/**
 * The value expression right after `offset` (an assignment or object key) is not a constant: it
 * reaches past its run of constants. Asked that way, the work is the constant run's length however
 * long the expression is (matches chained by operators across lines each rescanned the chain).
 */
function valueIsDynamic(lexed: LexedCode, offset: number): boolean {
  let start = offset;
  while (/\s/.test(lexed.codeOnly[start] ?? "")) start++;
  SANITIZER.lastIndex = start;
  if (SANITIZER.test(lexed.raw)) return false;
  const constantEnd = literalPrefixEnd(lexed, start);
  if (constantEnd >= lexed.codeOnly.length) return false;
  return expressionEnd(lexed.codeOnly, start, constantEnd) > constantEnd;
}

export const JAVASCRIPT_RULES: readonly Rule[] = [
  defineRule({
    id: "javascript.child-process-exec",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-78",
    message:
      "A child_process call hands a command built from variables to the shell; use execFile/spawn with an argument array and no shell option.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /(?<![\w$.])(?<!function\s+)(?:(?:child_process|childProcess|cp)\.)?(exec|execSync|execAsync|spawn|spawnSync|execFile|execFileSync)[ \t]*\(|\)\s*\.(exec|execSync)[ \t]*\(/g,
        (m) => {
          const name = m[1] ?? m[2] ?? "";
          if (m[2] !== undefined && !followsChildProcessRequire(lexed.raw, m.index + 1)) {
            return false;
          }
          const { args } = callArguments(lexed, m.index + m[0].length - 1);
          if (isDefinition(lexed, m) || !isDynamic(lexed, args[0])) return false;
          if (name.startsWith("exec") && !name.startsWith("execFile")) return true;
          return args.some((arg) =>
            hasMatchWithin(lexed, "noComments", /\bshell\s*:\s*(?:true|["'`])/g, arg.start, arg.end),
          );
        },
      ),
  }),
  defineRule({
    id: "javascript.eval",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-95",
    message:
      "eval() runs a non-constant string as code; parse the data (JSON.parse) or dispatch on known values instead.",
    find: (lexed) =>
      callsWithDynamicInput(lexed, new RegExp(String.raw`(?<![\w$.])${GLOBAL_PREFIX}eval[ \t]*\(`, "g")),
  }),
  defineRule({
    id: "javascript.new-function",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-95",
    message:
      "new Function() compiles a non-constant string into code, which is eval in disguise; write the function out.",
    find: (lexed) =>
      findAll(lexed.codeOnly, /\bnew\s+Function[ \t]*\(/g, (m) =>
        callArguments(lexed, m.index + m[0].length - 1).args.some((arg) => isDynamic(lexed, arg)),
      ),
  }),
  defineRule({
    id: "javascript.string-timer",
    languages: JAVASCRIPT,
    severity: "warning",
    cwe: "CWE-95",
    message: "setTimeout/setInterval given a string evaluates it as code; pass a function instead.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        new RegExp(String.raw`(?<![\w$.])${GLOBAL_PREFIX}(?:setTimeout|setInterval)[ \t]*\(`, "g"),
        (m) => {
          const first = firstArgument(lexed, m);
          return first !== undefined && lexed.stringStartingAt.has(first.start);
        },
      ),
  }),
  defineRule({
    id: "javascript.vm-untrusted-code",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-94",
    message:
      "The vm module runs a non-constant string as code and is not a security sandbox; do not run untrusted code in-process.",
    find: (lexed) =>
      callsWithDynamicInput(
        lexed,
        /(?:\bvm\.|(?<![\w$.]))(?:runInNewContext|runInThisContext|runInContext|compileFunction)[ \t]*\(|\bnew\s+vm\.Script[ \t]*\(/g,
      ),
  }),
  defineRule({
    id: "javascript.tls-verification-disabled",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-295",
    message:
      "TLS certificate verification is turned off, so anyone on the network path can impersonate the server; keep it on and pass a CA certificate if needed.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /\b(?:rejectUnauthorized|strictSSL)["']?\s*:\s*false\b|\bNODE_TLS_REJECT_UNAUTHORIZED\b["'`]?\s*\]?\s*=\s*["'`]?0\b|\bcheckServerIdentity\s*:[ \t]*\(\s*\)\s*=>\s*(?:undefined|null|\{\s*\})/g,
      ),
  }),
  defineRule({
    id: "javascript.weak-hash",
    languages: JAVASCRIPT,
    severity: "warning",
    cwe: "CWE-328",
    message:
      "MD5/SHA-1 are broken for security uses such as passwords, signatures or tokens; use SHA-256 (or scrypt/argon2 for passwords).",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /\bcreateHash[ \t]*\(\s*(["'`])(?:md5|md4|sha1|ripemd160)\1|\bCryptoJS\.(?:MD5|SHA1)[ \t]*\(/gi,
      ),
  }),
  defineRule({
    id: "javascript.weak-cipher",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-327",
    message:
      "A broken cipher (DES, 3DES, RC4, Blowfish), ECB mode, or the IV-less createCipher() is used; use createCipheriv('aes-256-gcm') with a random IV.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /\bcreateCipher[ \t]*\(|\bcreateCipheriv[ \t]*\(\s*(["'`])(?:(?:des|rc2|rc4|bf|blowfish|cast)[\w-]*|[\w-]+-ecb)\1|\bCryptoJS\.(?:DES|TripleDES|RC4|mode\.ECB)\b/gi,
      ),
  }),
  defineRule({
    id: "javascript.insecure-random-secret",
    languages: JAVASCRIPT,
    severity: "warning",
    cwe: "CWE-338",
    message:
      "Math.random() is predictable and must not generate tokens, passwords or other secrets; use crypto.randomBytes() or crypto.randomUUID().",
    find: (lexed) =>
      findAll(lexed.codeOnly, /\bMath\.random[ \t]*\(\s*\)/g, (m) => mentionsSecret(lexed, m.index)),
  }),
  defineRule({
    id: "javascript.sql-string-building",
    languages: JAVASCRIPT,
    severity: "error",
    cwe: "CWE-89",
    message:
      "A SQL statement is built by interpolating or concatenating values into the query text; use placeholders ($1, ?) with a values array or a tagged sql`` helper.",
    find: (lexed) =>
      lexed.strings
        .filter((s) => looksLikeSql(lexed.raw.slice(s.contentStart, s.contentEnd)) && isBuiltString(lexed, s))
        .map((s) => ({ index: s.start })),
  }),
  defineRule({
    id: "javascript.inner-html",
    languages: JAVASCRIPT,
    severity: "warning",
    cwe: "CWE-79",
    message:
      "Non-constant HTML is written into the page (innerHTML, outerHTML, insertAdjacentHTML, document.write), which allows XSS; use textContent or sanitize with DOMPurify.",
    find: (lexed) => [
      ...findAll(lexed.codeOnly, /\.(?:innerHTML|outerHTML)\s*\+?=(?!=)/g, (m) =>
        valueIsDynamic(lexed, m.index + m[0].length),
      ),
      ...findAll(lexed.codeOnly, /\.insertAdjacentHTML[ \t]*\(|\bdocument\.write(?:ln)?[ \t]*\(/g, (m) => {
        const { args } = callArguments(lexed, m.index + m[0].length - 1);
        const html = m[0].includes("insertAdjacentHTML") ? args[1] : args[0];
        return html !== undefined && valueIsDynamic(lexed, html.start);
      }),
    ],
  }),
  defineRule({
    id: "javascript.dangerously-set-inner-html",
    languages: JAVASCRIPT,
    severity: "warning",
    cwe: "CWE-79",
    message:
      "dangerouslySetInnerHTML renders non-constant, unsanitized HTML, which allows XSS; render text as children or sanitize with DOMPurify first.",
    find: (lexed) =>
      findAll(lexed.codeOnly, /\bdangerouslySetInnerHTML\s*[=:]/g, (m) => {
        const after = m.index + m[0].length;
        const html = /^\s*\{?\s*\{\s*__html\s*:/.exec(lexed.codeOnly.slice(after, after + 200));
        return html === null || valueIsDynamic(lexed, after + html[0].length);
      }),
  }),
];
