// `<[^<>]*>`, not `<[^>]*>`: a value of many `<` would rescan itself from each one.
const PLACEHOLDER_WORDS =
  /change[-_ ]?me|placeholder|example|dummy|redacted|sample|fake|mock|your[-_ ]|my[-_ ]?(?:secret|password|token|key)|<[^<>]*>|\$\{|\{\{|\{[\w.]*\}|%\(|%s|^\$[A-Za-z_]|xxxx|\*\*\*|\.\.\.|…|todo|fixme|replace[-_ ]?(?:me|with|this)|insert[-_ ]|^enter[-_ ]|^none$|^null$|^nil$|^undefined$/i;

/** Stand-in keys that local OpenAI-compatible servers (llama.cpp, Ollama, LM Studio, vLLM) accept. */
const NO_KEY =
  /^(?:none|nope|empty|unused|ignored|anything|dummy-?key|ollama|lm-?studio|n\/?a|no-?(?:key|auth|token)(?:-required)?|not[-_ ]?(?:needed|used|required|set)|sk-no-key-required)$/i;

const PLACEHOLDER_VALUES = new Set([
  "password",
  "passwd",
  "pass",
  "pwd",
  "secret",
  "token",
  "apikey",
  "api_key",
  "key",
  "test",
  "true",
  "false",
  "string",
  "value",
]);

/**
 * Whether a secret-looking value is a placeholder rather than a real secret: documented example values
 * (`…EXAMPLE…`), template slots (`<token>`, `${TOKEN}`, `{{ token }}`, `{password}`, `$TOKEN`, `%s`),
 * "changeme"/"your-key"/"dummy" stand-ins, masks (`****`, `xxxx`, `...`), the keys local OpenAI-compatible
 * servers take ("ollama", "sk-no-key-required", "not-needed"), a value of at most two distinct
 * characters, or a bare field name ("password", "token").
 *
 * Policy: a snippet holding a placeholder is a template, not a leak, so it is not reported — even
 * though shipping "changeme" as a real password would be bad, that is a different finding we do not
 * make. Everything else non-empty is treated as real, including weak values like "admin123".
 */
export function isPlaceholderSecret(value: string): boolean {
  const v = value.trim();
  if (v === "") return true;
  if (/^(.)\1*$/.test(v)) return true;
  if (PLACEHOLDER_VALUES.has(v.toLowerCase())) return true;
  if (PLACEHOLDER_WORDS.test(v) || NO_KEY.test(v)) return true;
  return new Set(v.replace(/^[a-z]+[_-]/i, "")).size <= 2;
}
