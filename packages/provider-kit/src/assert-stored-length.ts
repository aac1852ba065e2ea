import { InvalidRequestError } from "@llama-stack-ts/api";

/** A string's length in UTF-8 bytes, the unit of Postgres's index limit. */
export function utf8Length(value: string): number {
  return new TextEncoder().encode(value).length;
}

/**
 * Refuse a string longer than `limit` UTF-8 bytes with a 400 that names the field and the limit,
 * before it reaches an index.
 */
export function assertStoredLength(value: string, limit: number, param: string): void {
  // A UTF-16 unit is 1–3 UTF-8 bytes (a surrogate pair 4 for 2), so most values need no encoding.
  if (value.length <= limit / 3) return;
  const bytes = utf8Length(value);
  if (bytes <= limit) return;
  throw new InvalidRequestError(
    `${param} is too long: ${bytes} bytes; at most ${limit} bytes (UTF-8) are allowed here.`,
    { param, code: "string_too_long" },
  );
}
