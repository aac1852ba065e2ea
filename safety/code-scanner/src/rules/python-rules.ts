import type { Language } from "../language.ts";
import { callArguments, firstArgument } from "../match/call-arguments.ts";
import { defineRule } from "../match/define-rule.ts";
import { findAfterHead } from "../match/find-after-head.ts";
import { findAll } from "../match/find-all.ts";
import { hasMatchWithin } from "../match/has-match-within.ts";
import { isBuiltString } from "../match/is-built-string.ts";
import { isDynamic } from "../match/is-literal-expression.ts";
import type { LexedCode } from "../match/lex-code.ts";
import { lineStartOf } from "../match/line-start-of.ts";
import { looksLikeSql } from "../match/looks-like-sql.ts";
import { mentionsSecret } from "../match/mentions-secret.ts";
import type { Rule } from "../rule.ts";

const PYTHON: readonly Language[] = ["python"];

/** `def f(verify=False):` declares a parameter default; it does not switch anything off. */
function isInDefLine(lexed: LexedCode, index: number): boolean {
  const lineStart = lineStartOf(lexed, index);
  return /^[ \t]*(?:async[ \t]+)?def[ \t]/.test(lexed.noComments.slice(lineStart, index));
}

/** Matches of a call pattern (ending in `(`) whose first argument is not a constant. */
function callsWithDynamicInput(lexed: LexedCode, pattern: RegExp) {
  return findAll(lexed.codeOnly, pattern, (m) => isDynamic(lexed, firstArgument(lexed, m)));
}

export const PYTHON_RULES: readonly Rule[] = [
  defineRule({
    id: "python.os-system",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-78",
    message:
      "os.system() runs a command string built from variables through the shell; use subprocess.run() with an argument list instead.",
    find: (lexed) => callsWithDynamicInput(lexed, /(?<![\w.])os\.system[ \t]*\(/g),
  }),
  defineRule({
    id: "python.os-popen",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-78",
    message:
      "os.popen() passes a non-constant command string to the shell; use subprocess.run() with an argument list and capture_output=True.",
    find: (lexed) => callsWithDynamicInput(lexed, /(?<![\w.])os\.popen[23]?[ \t]*\(/g),
  }),
  defineRule({
    id: "python.subprocess-shell-true",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-78",
    message:
      "A subprocess call runs a non-constant command through the shell (shell=True, getoutput or create_subprocess_shell); pass an argument list without a shell.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /(?<!def\s+)\b(run|call|Popen|check_output|check_call|getoutput|getstatusoutput|create_subprocess_shell)[ \t]*\(/g,
        (m) => {
          const { args } = callArguments(lexed, m.index + m[0].length - 1);
          if (!isDynamic(lexed, args[0])) return false;
          if (m[1] === "getoutput" || m[1] === "getstatusoutput" || m[1] === "create_subprocess_shell")
            return true;
          return args.some((arg) => /^shell\s*=\s*True\b/.test(lexed.codeOnly.slice(arg.start, arg.end)));
        },
      ),
  }),
  defineRule({
    id: "python.eval-exec",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-95",
    message:
      "eval()/exec() runs a non-constant string as Python code; parse the data instead (ast.literal_eval, json.loads) or dispatch on known values.",
    find: (lexed) => callsWithDynamicInput(lexed, /(?<![\w.])(?<!def\s+)(?:eval|exec)[ \t]*\(/g),
  }),
  defineRule({
    id: "python.unsafe-deserialization",
    languages: PYTHON,
    severity: "warning",
    cwe: "CWE-502",
    message:
      "pickle-style deserialization (pickle, dill, marshal, shelve, joblib, jsonpickle) can run arbitrary code when the data is untrusted; use JSON or another data-only format.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /(?<![\w.])(?:(?:c?[Pp]ickle|_pickle|dill|cloudpickle|marshal|joblib)\.(?:loads?|Unpickler)|jsonpickle\.(?:decode|loads)|shelve\.open|(?:pd|pandas)\.read_pickle)[ \t]*\(/g,
      ),
  }),
  defineRule({
    id: "python.yaml-unsafe-load",
    languages: PYTHON,
    severity: "warning",
    cwe: "CWE-502",
    message:
      "yaml.load() without SafeLoader (or yaml.unsafe_load) can construct arbitrary Python objects; use yaml.safe_load().",
    find: (lexed) =>
      findAll(lexed.codeOnly, /\byaml\.(load|load_all|unsafe_load|unsafe_load_all)[ \t]*\(/g, (m) => {
        if (m[1]?.startsWith("unsafe")) return true;
        const open = m.index + m[0].length - 1;
        const { end } = callArguments(lexed, open);
        return !hasMatchWithin(lexed, "raw", /\b(?:C?SafeLoader|BaseLoader)\b/g, open + 1, end);
      }),
  }),
  defineRule({
    id: "python.tls-verification-disabled",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-295",
    message:
      "TLS certificate or hostname verification is turned off, so anyone on the network path can impersonate the server; keep verification on and trust a specific CA bundle if needed.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /(?:\b(?:verify|ssl)\s*=\s*False\b|(?<!def\s+)\b_create_unverified_context\b|\b(?:cert_reqs|verify_mode)\s*=\s*(?:ssl\.)?CERT_NONE\b|\bcheck_hostname\s*=\s*False\b|\bPYTHONHTTPSVERIFY\b["']?\s*\]?\s*=\s*["']?0\b)/g,
        (m) => !isInDefLine(lexed, m.index),
      ),
  }),
  defineRule({
    id: "python.weak-hash",
    languages: PYTHON,
    severity: "warning",
    cwe: "CWE-328",
    message:
      "MD5/SHA-1 are broken for security uses such as passwords, signatures or tokens; use hashlib.sha256 (or a password hash like argon2/bcrypt), or pass usedforsecurity=False for checksums.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /\bhashlib\.(md5|sha1|md4|new)[ \t]*\(|\b(?:MD5|MD4|SHA1?)\.new[ \t]*\(/g,
        (m) => {
          const open = m.index + m[0].length - 1;
          const { end } = callArguments(lexed, open);
          if (hasMatchWithin(lexed, "raw", /\busedforsecurity\s*=\s*False\b/g, open + 1, end)) return false;
          const args = lexed.raw.slice(open + 1, end);
          return m[1] !== "new" || /^\s*[rbu]?["'](?:md5|md4|sha1)["']/i.test(args);
        },
      ),
  }),
  defineRule({
    id: "python.weak-cipher",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-327",
    message:
      "A broken cipher (DES, 3DES, RC4, Blowfish) or ECB mode is used; use AES-GCM or ChaCha20-Poly1305.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /\b(?:DES3?|ARC[24]|Blowfish|CAST|XOR)\.new[ \t]*\(|\balgorithms\.(?:TripleDES|ARC4|Blowfish|IDEA|CAST5|SEED)[ \t]*\(|\bMODE_ECB\b|\bmodes\.ECB[ \t]*\(/g,
      ),
  }),
  defineRule({
    id: "python.insecure-random-secret",
    languages: PYTHON,
    severity: "warning",
    cwe: "CWE-338",
    message:
      "The random module is predictable and must not generate tokens, passwords or other secrets; use the secrets module.",
    find: (lexed) =>
      findAll(
        lexed.codeOnly,
        /(?<![\w.])random\.(?:random|randint|randrange|choice|choices|sample|getrandbits|randbytes|uniform|shuffle)[ \t]*\(/g,
        (m) => mentionsSecret(lexed, m.index),
      ),
  }),
  defineRule({
    id: "python.tempfile-mktemp",
    languages: PYTHON,
    severity: "warning",
    cwe: "CWE-377",
    message:
      "tempfile.mktemp() returns a name another process can create first; use tempfile.mkstemp() or NamedTemporaryFile().",
    find: (lexed) => findAll(lexed.codeOnly, /(?<![\w.])(?<!def\s+)(?:tempfile\.)?mktemp[ \t]*\(/g),
  }),
  defineRule({
    id: "python.sql-string-building",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-89",
    message:
      "A SQL statement is built by formatting or concatenating values into the query text; pass the values as query parameters (cursor.execute(sql, params)).",
    find: (lexed) =>
      lexed.strings
        .filter((s) => looksLikeSql(lexed.raw.slice(s.contentStart, s.contentEnd)) && isBuiltString(lexed, s))
        .map((s) => ({ index: s.start })),
  }),
  defineRule({
    id: "python.jwt-signature-not-verified",
    languages: PYTHON,
    severity: "error",
    cwe: "CWE-347",
    message:
      "A JWT is decoded without checking its signature (verify_signature False or the 'none' algorithm), so anyone can forge one; verify with a key and an explicit algorithm list.",
    find: (lexed) => [
      ...findAll(lexed.noComments, /["']verify_signature["']\s*:\s*False\b/gi),
      ...findAfterHead(lexed.noComments, /\balgorithms\s*=\s*\[/i, /[^\]]*["']none["']/i, "]"),
    ],
  }),
];
