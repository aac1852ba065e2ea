/** Last words of a config key that name a secret: `api_key`, `hf_token`, `db_password`, `clientSecret`. */
const SECRET_WORDS = new Set([
  "password",
  "passwd",
  "secret",
  "token",
  "apikey",
  "authorization",
  "credential",
  "credentials",
]);
const SECRET_KEY_PREFIXES = new Set(["api", "secret", "private", "access"]);

/**
 * Copy of a provider config fit to show: the module's declared `secretKeys` and names that are
 * secrets by their last word are masked. Whole words only, so `max_tokens` or `tokenizer` show.
 */
export function redactSecrets(config: unknown, secretKeys: readonly string[]): Record<string, unknown> {
  const walk = (value: unknown, key: string): unknown => {
    if ((secretKeys.includes(key) || isSecretName(key)) && value != null && value !== "") return "********";
    if (Array.isArray(value)) return value.map((item) => walk(item, ""));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, k)]));
    }
    return value;
  };
  const result = walk(config, "");
  return result !== null && typeof result === "object" && !Array.isArray(result)
    ? (result as Record<string, unknown>)
    : {};
}

/** `openai_api_key`, `apiKey`, `HF_TOKEN`, `auth-token`: yes; `max_tokens`, `token_limit`, `keyword`: no. */
export function isSecretName(key: string): boolean {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
  const last = words.at(-1);
  if (last === undefined) return false;
  if (SECRET_WORDS.has(last)) return true;
  return last === "key" && words.length > 1 && SECRET_KEY_PREFIXES.has(words.at(-2)!);
}
