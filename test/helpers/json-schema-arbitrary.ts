import fc from "fast-check";

export type JsonSchema = Record<string, unknown>;

export interface ArbitraryContext {
  /** Named schemas (`$defs`) that `$ref`s point to. */
  defs: Record<string, JsonSchema>;
  /** Values that exist on the server, offered for properties of these names half the time. */
  known: Record<string, readonly unknown[]>;
}

/**
 * Plausible values for a JSON Schema (as `z.toJSONSchema` writes a route's input schema), kept
 * small: strings short, numbers small, arrays of at most three, optional keys sometimes left out.
 * Small numbers matter: a fuzzed `max_tokens` must not make the test model write a novel.
 */
export function arbitraryFor(
  schema: JsonSchema,
  context: ArbitraryContext,
  depth = 0,
): fc.Arbitrary<unknown> {
  if (depth > 8) return fc.constant(null);
  const next = (s: unknown) => arbitraryFor((s ?? {}) as JsonSchema, context, depth + 1);
  if (typeof schema.$ref === "string") {
    const target = context.defs[schema.$ref.split("/").pop()!];
    return target ? next(target) : fc.constant(null);
  }
  if ("const" in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches?.length) return fc.oneof(...branches.map(next));
  if (Array.isArray(schema.allOf) && schema.allOf.length > 0) return next(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  switch (type) {
    case "string":
      return stringFor(schema);
    case "integer": {
      const min = bound(schema.minimum, 0);
      return fc.integer({ min, max: Math.max(min, Math.min(bound(schema.maximum, 8), 8)) });
    }
    case "number": {
      const min = bound(schema.minimum, 0);
      return fc.double({ min, max: Math.max(min, Math.min(bound(schema.maximum, 2), 2)), noNaN: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const min = Math.min(bound(schema.minItems, 0), 3);
      const max = Math.max(min, Math.min(bound(schema.maxItems, 3), 3));
      return fc.array(next(schema.items), { minLength: min, maxLength: max });
    }
    case "object":
      return objectFor(schema, context, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function bound(value: unknown, fallback: number): number {
  return typeof value === "number" && Number.isFinite(value) ? value : fallback;
}

function stringFor(schema: JsonSchema): fc.Arbitrary<string> {
  if (schema.format === "uri" || schema.format === "url") return fc.constant("http://127.0.0.1:9/x");
  const min = Math.max(1, Math.min(bound(schema.minLength, 0), 16));
  return fc.string({ minLength: min, maxLength: Math.max(min, Math.min(bound(schema.maxLength, 12), 12)) });
}

function objectFor(schema: JsonSchema, context: ArbitraryContext, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const keys = Object.keys(properties);
  if (keys.length === 0) {
    return fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 2 });
  }
  const required = new Set((schema.required ?? []) as string[]);
  const record: Record<string, fc.Arbitrary<unknown>> = {};
  for (const key of keys) {
    const generated = arbitraryFor(properties[key]!, context, depth + 1);
    const known = context.known[key];
    record[key] = known?.length ? fc.oneof(fc.constantFrom(...known), generated) : generated;
  }
  return fc.record(record, { requiredKeys: keys.filter((k) => required.has(k)) });
}
