import { InvalidRequestError, UnsupportedMediaTypeError } from "@llama-stack-ts/api";
import { formatIssuePath, formatZodError } from "@llama-stack-ts/provider-kit";
import type { Context } from "hono";
import type { z } from "zod";

/** Validate one part of a request; the error names `body.x`, `query.y` or `path.z`. */
export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  part: "body" | "query" | "path",
): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const first = result.error.issues[0];
  throw new InvalidRequestError(`Invalid request: ${formatZodError(result.error, part)}`, {
    param: first ? formatIssuePath(first.path, part) : part,
    retryable: false,
  });
}

/**
 * Repeated keys become arrays; a single key stays a string (comma lists are split by the schema).
 * `key[]=a&key[]=b` (the openai SDK's array format) is `key`.
 */
export function queryObject(context: Context): Record<string, string | string[]> {
  const merged = new Map<string, string[]>();
  for (const [raw, values] of Object.entries(context.req.queries())) {
    const key = raw.endsWith("[]") ? raw.slice(0, -2) : raw;
    merged.set(key, [...(merged.get(key) ?? []), ...values]);
  }
  const out: Record<string, string | string[]> = {};
  for (const [key, values] of merged) out[key] = values.length === 1 ? values[0]! : values;
  return out;
}

/** The JSON body, or `{}` when there is none. Wrong content type → 415; malformed JSON → 400. */
export async function readJsonBody(context: Context): Promise<unknown> {
  const text = await context.req.text();
  if (text.trim() === "") return {};
  const contentType = context.req.header("content-type") ?? "";
  if (contentType !== "" && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) {
    throw new UnsupportedMediaTypeError(
      `Unsupported Content-Type '${contentType}': send the request body as JSON with 'Content-Type: application/json'.`,
      { retryable: false },
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new InvalidRequestError(`Request body is not valid JSON: ${(cause as Error).message}`, {
      param: "body",
      cause,
      retryable: false,
    });
  }
}
