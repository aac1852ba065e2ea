/**
 * What the server accepts in any request, before a schema or a provider sees it: the one place
 * these limits live (README "Request limits" lists them). Every route gets them from `mountRoutes`,
 * so a route added later cannot forget them.
 *
 * Why: a NUL byte, an unpaired surrogate, a 10,000-deep object or a megabyte id is never a
 * sensible request, but each one reached Postgres, a recursive walk or llama.cpp and became a 500.
 */
export const EDGE_LIMITS = {
  /** Objects and arrays nested deeper than this (the body itself is level 1). */
  maxDepth: 64,
  /** Ids: every path parameter; `id`, `*_id`, `ids`, `*_ids[]`, `model`, `after`, `before`. */
  idChars: 256,
  /** Names: `name`, `*_name`, `title`, `filename`, every object key and every other query value. */
  nameChars: 2048,
  /**
   * A body refused as too large is still read (and dropped), up to this many bytes and
   * `discardMs`, before the 413 goes out: a client that sends its whole body before reading
   * (curl, Python's requests) otherwise gets a connection reset instead of the answer.
   */
  discardBytes: 64 * 1024 * 1024,
  discardMs: 10_000,
  // Content (messages, prompts, inputs, descriptions, metadata values) has no per-field limit:
  // the body as a whole is bounded by server.max_request_body_bytes (20 MiB by default).
} as const;

export type FieldKind = "id" | "name" | "content";

const ID_KEY = /^(?:ids?|model|after|before)$|_ids?$/;
const NAME_KEY = /^(?:name|title|filename)$|_name$/;

/** The kind of a string field, from the name of the property holding it (or its array). */
export function fieldKind(key: string | undefined): FieldKind {
  if (key === undefined) return "content";
  if (ID_KEY.test(key)) return "id";
  if (NAME_KEY.test(key)) return "name";
  return "content";
}

export function charLimit(kind: FieldKind): number {
  return kind === "id"
    ? EDGE_LIMITS.idChars
    : kind === "name"
      ? EDGE_LIMITS.nameChars
      : Number.POSITIVE_INFINITY;
}
