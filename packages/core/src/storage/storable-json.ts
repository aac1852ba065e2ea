// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is what it looks for.
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A copy of `value` that Postgres `jsonb` accepts: NUL characters and unpaired surrogates (which
 * it refuses) become U+FFFD. For records of work already done, such as a generated completion
 * whose text holds a NUL: the caller got the original; only the stored copy is normalised, rather
 * than the insert failing after the generation. Requests are refused at the HTTP edge instead.
 */
export function storableJson<T>(value: T): T {
  return needsCleaning(value) ? (clean(value) as T) : value;
}

/** A scan without copying: the usual record has nothing to replace. */
function needsCleaning(value: unknown): boolean {
  if (typeof value === "string") return hasUnstorable(value);
  if (Array.isArray(value)) return value.some(needsCleaning);
  if (value !== null && typeof value === "object") {
    return Object.entries(value).some(([key, child]) => hasUnstorable(key) || needsCleaning(child));
  }
  return false;
}

function hasUnstorable(text: string): boolean {
  UNSTORABLE.lastIndex = 0;
  return UNSTORABLE.test(text);
}

function clean(value: unknown): unknown {
  if (typeof value === "string") return value.replace(UNSTORABLE, "\uFFFD");
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, child]) => [clean(key), clean(child)]));
  }
  return value;
}
