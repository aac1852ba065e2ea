const SECRET_NAME = /(api[_-]?key|password|secret|token|authorization|credential)/i;

/** Copy of a provider config fit to show: declared secret keys and secret-looking names masked. */
export function redactSecrets(config: unknown, secretKeys: readonly string[]): Record<string, unknown> {
  const walk = (value: unknown, key: string): unknown => {
    if ((secretKeys.includes(key) || SECRET_NAME.test(key)) && value != null && value !== "")
      return "********";
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
