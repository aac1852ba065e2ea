import type { Language } from "../language.ts";
import { defineRule } from "../match/define-rule.ts";
import { findAfterHead } from "../match/find-after-head.ts";
import { findAll } from "../match/find-all.ts";
import type { LexedCode } from "../match/lex-code.ts";
import type { Rule } from "../rule.ts";

const SHELL: readonly Language[] = ["shell"];

/** `rm` invocations with a recursive flag, with their argument words (up to `;`, `&`, `|` or a newline). */
function recursiveRemovals(lexed: LexedCode, accept: (words: string[]) => boolean) {
  return findAll(lexed.noComments, /(?<![\w.-])rm\s+([^\n;&|]*)/g, (m) => {
    const words = (m[1] ?? "").split(/\s+/).filter((w) => w !== "");
    const recursive = words.some((w) => /^-[a-zA-Z]*[rR][a-zA-Z]*$/.test(w) || w === "--recursive");
    return recursive && accept(words);
  });
}

export const SHELL_RULES: readonly Rule[] = [
  defineRule({
    id: "shell.curl-pipe-shell",
    languages: SHELL,
    severity: "error",
    cwe: "CWE-494",
    message:
      "A script downloaded with curl/wget is executed straight away without any integrity check; download it, verify its checksum or signature, then run it.",
    find: (lexed) => [
      ...findAfterHead(
        lexed.noComments,
        /(?<![\w-])(?:curl|wget)\b/,
        /[^\n;&]*?(?<!\|)\|(?!\|)\s*(?:sudo\s+(?:-[\w-]+\s+)*)?(?:env\s+(?:\w+=\S*\s+)*)?(?:(?:ba|z|k|da)?sh|python[0-9.]*|perl|ruby|node)(?=\s|$|;|\))/,
        "\n;&",
      ),
      ...findAll(
        lexed.noComments,
        /(?<![\w-])(?:(?:ba|z|k|da)?sh|python[0-9.]*)\s+(?:-c\s+["']?\$\(|<\(\s*)\s*(?:curl|wget)\b/g,
      ),
    ],
  }),
  defineRule({
    id: "shell.eval-variable",
    languages: SHELL,
    severity: "warning",
    cwe: "CWE-95",
    message:
      "eval re-parses the contents of a variable as shell code, so any metacharacters in it run as commands; call the command directly with quoted arguments or use an array.",
    find: (lexed) =>
      findAll(lexed.codeOnly, /(?<![\w-])eval\s+([^\n;&|]*)/g, (m) => {
        const args = lexed.noComments.slice(
          m.index + m[0].length - (m[1] ?? "").length,
          m.index + m[0].length,
        );
        return /(?<!\\)\$(?:\{[#!]?[A-Za-z_@*0-9]|[A-Za-z_@*0-9])/.test(args);
      }),
  }),
  defineRule({
    id: "shell.chmod-world-writable",
    languages: SHELL,
    severity: "warning",
    cwe: "CWE-732",
    message:
      "chmod makes the target writable by every user on the machine; grant only the owner (or a group) the access it needs, e.g. 755 or 644.",
    find: (lexed) =>
      findAll(
        lexed.noComments,
        /(?<![\w-])chmod\s+(?:-[A-Za-z]+\s+|--[\w-]+\s+)*(?:[02-7]?[0-7]{2}[2367](?![0-7])|[ugo]*[ao][ugo]*[+=][rwxXst]*w)/g,
      ),
  }),
  defineRule({
    id: "shell.rm-rf-unguarded-variable",
    languages: SHELL,
    severity: "error",
    message:
      'rm -r on "$VAR"/… deletes from the filesystem root when the variable is empty or unset; guard it with "${VAR:?}" (or set -u and an explicit check).',
    find: (lexed) =>
      recursiveRemovals(lexed, (words) =>
        words.some((w) => /^"?\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*)"?\//.test(w)),
      ),
  }),
  defineRule({
    id: "shell.rm-rf-root",
    languages: SHELL,
    severity: "error",
    message:
      "rm -r targets the filesystem root or the home directory itself; name the exact directory to delete.",
    find: (lexed) =>
      recursiveRemovals(lexed, (words) =>
        words.some((w) =>
          /^(?:["']?\/\*?["']?|--no-preserve-root|~\/?\*?|"?\$(?:HOME|\{HOME\})\/?\*?"?)$/.test(w),
        ),
      ),
  }),
  defineRule({
    id: "shell.tls-verification-disabled",
    languages: SHELL,
    severity: "error",
    cwe: "CWE-295",
    message:
      "Certificate or host-key verification is turned off (curl -k, --no-check-certificate, sslVerify false, NODE_TLS_REJECT_UNAUTHORIZED=0, StrictHostKeyChecking=no …), so the server can be impersonated; keep verification on.",
    find: (lexed) => [
      ...findAfterHead(
        lexed.codeOnly,
        /(?<![\w-])curl\b/,
        /[^\n;|&]*?\s(?:-[a-zA-Z]*k[a-zA-Z]*|--insecure)(?=\s|$)/,
        "\n;|&",
      ),
      ...findAll(
        lexed.noComments,
        /--no-check-certificate\b|\b(?:NODE_TLS_REJECT_UNAUTHORIZED|PYTHONHTTPSVERIFY)=["']?0\b|\bGIT_SSL_NO_VERIFY=["']?(?:1|true)\b|\bhttp\.sslVerify[=\s]+["']?false\b|\bstrict-ssl[=\s]+["']?false\b|\bStrictHostKeyChecking[=\s]+["']?no\b/gi,
      ),
    ],
  }),
];
