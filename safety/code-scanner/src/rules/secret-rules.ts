import { LANGUAGES } from "../language.ts";
import { defineRule } from "../match/define-rule.ts";
import { findAll } from "../match/find-all.ts";
import { isPlaceholderSecret } from "../match/is-placeholder-secret.ts";
import type { Rule, RuleMatch } from "../rule.ts";

const CWE_HARDCODED = "CWE-798";

/** The whole match is a token: report it unless it is a placeholder, and keep it out of excerpts. */
function token(m: RegExpExecArray): RuleMatch | false {
  if (isPlaceholderSecret(m[0])) return false;
  return { index: m.index, redact: { start: m.index, end: m.index + m[0].length } };
}

/** Key names whose value is a credential (matched on the last dotted segment, case and `_`/`-` ignored). */
const CREDENTIAL_KEY =
  /(?:password|passwd|pwd|passphrase|secret|secretkey|apikey|apitoken|accesskey|accesstoken|authtoken|bearertoken|refreshtoken|clienttoken|token|privatekey|signingkey|masterkey|encryptionkey)$/;

function isCredentialKey(key: string): boolean {
  const last = key.split(".").at(-1) ?? key;
  return CREDENTIAL_KEY.test(last.toLowerCase().replace(/[_-]/g, ""));
}

/** A literal assigned to a credential key that looks like a real value rather than a label or a slot. */
function isCredentialValue(value: string): boolean {
  if (value.length < 4 || /\s/.test(value) || /[<>[\]{}|]/.test(value)) return false;
  if (/^[A-Z][A-Z0-9_]+$/.test(value)) return false;
  if (/^(?:https?:\/\/|\/|\.{1,2}\/|~\/)/.test(value)) return false;
  if (/^#[0-9a-f]{3,8}$/i.test(value)) return false;
  return !isPlaceholderSecret(value);
}

const QUOTED_ASSIGNMENT =
  /(?<![\w$.-])(["']?)([A-Za-z_$][\w$.-]*)\1\]?[ \t]*(:=|=>|=|:)[ \t]*[rRbBuU]?(["'`])((?:\\.|(?!\4)[^\\\n])*)\4/g;

/** A quoted key before `:` is an object/dict key only after `{`, `,` or at a line start (not `a ? "x" : "y"`). */
function isKeyPosition(raw: string, index: number, quotedKey: boolean): boolean {
  if (!quotedKey) return true;
  // The last non-blank character of the line before the key, read backwards (not the whole line per key).
  let k = index - 1;
  while (k >= 0 && raw[k] !== "\n" && /\s/.test(raw[k] ?? "")) k--;
  return k < 0 || raw[k] === "\n" || "{,([".includes(raw[k] ?? "");
}

const BARE_ASSIGNMENT = /^[ \t]*(?:export[ \t]+)?([A-Za-z_][\w.-]*)(?:=|:[ \t]+)([^\s"'`#$;&|!]+)[ \t]*$/gm;

const AUTHORIZATION_HEADER =
  /\bAuthorization["']?\s*[:=,]\s*["'](?:Bearer|Basic|token)\s+([A-Za-z0-9._~+/=-]{12,})["']/gi;

export const SECRET_RULES: readonly Rule[] = [
  defineRule({
    id: "secret.aws-access-key-id",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "An AWS access key id is hard-coded; load credentials from the environment, a profile or a role, and rotate this key.",
    find: (lexed) =>
      findAll(
        lexed.raw,
        /\b(?:AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z2-7]{16}\b/g,
        token,
      ),
  }),
  defineRule({
    id: "secret.private-key",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "A private key is embedded in the code; load it from a file or secret store outside the repository and treat this one as compromised.",
    find: (lexed) =>
      findAll(
        lexed.raw,
        /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP |SSH2 )?PRIVATE KEY(?: BLOCK)?-----/g,
        (m) => {
          const after = m.index + m[0].length;
          const window = lexed.raw.slice(after, after + 400);
          const footer = window.indexOf("-----END");
          const body = footer < 0 ? window : window.slice(0, footer);
          if (!/[A-Za-z0-9+/]{40,}/.test(body.replace(/\\n|\s|["'+,]/g, ""))) return false;
          const lineEnd = lexed.raw.indexOf("\n", after);
          return { index: m.index, redact: { start: after, end: lineEnd < 0 ? lexed.raw.length : lineEnd } };
        },
      ),
  }),
  defineRule({
    id: "secret.github-token",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "A GitHub token is hard-coded; read it from the environment or a secret store and revoke this one.",
    find: (lexed) =>
      findAll(lexed.raw, /\b(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255})\b/g, token),
  }),
  defineRule({
    id: "secret.slack-token",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "A Slack token or incoming-webhook URL is hard-coded; read it from the environment or a secret store and revoke this one.",
    find: (lexed) =>
      findAll(
        lexed.raw,
        /\bxox[abposr]-[A-Za-z0-9-]{10,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]{6,}\/B[A-Z0-9]{6,}\/[A-Za-z0-9]{16,}/g,
        token,
      ),
  }),
  defineRule({
    id: "secret.provider-api-key",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "An API key of a known provider (OpenAI, Anthropic, Stripe, Google, Hugging Face, npm, GitLab, SendGrid) is hard-coded; read it from the environment and revoke this one.",
    find: (lexed) =>
      findAll(
        lexed.raw,
        /\bsk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{30,}|\bsk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{40,}|\bsk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20}\b|\bsk-[A-Za-z0-9]{48}\b|\b[rs]k_live_[A-Za-z0-9]{20,}\b|\bAIza[0-9A-Za-z_-]{35}\b|\bhf_[A-Za-z0-9]{34,}\b|\bnpm_[A-Za-z0-9]{36}\b|\bglpat-[A-Za-z0-9_-]{20,}\b|\bSG\.[\w-]{22}\.[\w-]{43}\b/g,
        token,
      ),
  }),
  defineRule({
    id: "secret.hardcoded-credential",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "A password, secret or API key is assigned a literal value; read it from the environment or a secret store instead.",
    find: (lexed, language) => {
      const quoted = findAll(lexed.raw, QUOTED_ASSIGNMENT, (m) => {
        const value = m[5] ?? "";
        if (!isCredentialKey(m[2] ?? "") || !isCredentialValue(value)) return false;
        if (!isKeyPosition(lexed.raw, m.index, m[1] !== "")) return false;
        // In python `Token: "…"` is a dict keyed by a variable (or an annotation), not a credential field.
        if (language === "python" && m[3] === ":" && m[1] === "") return false;
        const start = m.index + m[0].length - 1 - value.length;
        return { index: start, redact: { start, end: start + value.length } };
      });
      const bare =
        language === "shell" || language === "unknown"
          ? findAll(lexed.raw, BARE_ASSIGNMENT, (m) => {
              const value = m[2] ?? "";
              if (!isCredentialKey(m[1] ?? "") || !isCredentialValue(value) || value.length < 6) return false;
              if (/^[A-Za-z]+$/.test(value)) return false;
              const start = m.index + m[0].trimEnd().length - value.length;
              return { index: start, redact: { start, end: start + value.length } };
            })
          : [];
      const headers = findAll(lexed.raw, AUTHORIZATION_HEADER, (m) => {
        const value = m[1] ?? "";
        if (isPlaceholderSecret(value)) return false;
        const start = m.index + m[0].length - 1 - value.length;
        return { index: start, redact: { start, end: start + value.length } };
      });
      return [...quoted, ...bare, ...headers];
    },
  }),
  defineRule({
    id: "secret.url-embedded-credentials",
    languages: LANGUAGES,
    lexAs: "unknown",
    severity: "error",
    cwe: CWE_HARDCODED,
    message:
      "A connection URL carries a literal password; build it from an environment variable or secret store instead.",
    // The scheme is read backwards from `://`: matched forwards, every word start in a long `a-b-c…`
    // run re-read the run.
    find: (lexed) =>
      findAll(
        lexed.raw,
        /:\/\/(?<=\b[a-z][a-z0-9+.-]*:\/\/)([^\s:@/'"`<>]+):([^\s@/'"`<>]+)@[A-Za-z0-9[]/gi,
        (m) => {
          const user = m[1] ?? "";
          const password = m[2] ?? "";
          if (password === user || isPlaceholderSecret(password) || /^[A-Z][A-Z0-9_]+$/.test(password))
            return false;
          const start = m.index + (m[0].length - 1) - 1 - password.length;
          return { index: start, redact: { start, end: start + password.length } };
        },
      ),
  }),
];
