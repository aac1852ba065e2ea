import { z } from "zod";

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as OpenAPI 3.1 (JSON Schema 2020-12). Named schemas (`.meta({id})`) move into
 * `components`, and their `#/$defs/X` references are rewritten to `#/components/schemas/X`.
 */
export function toJsonSchema(
  schema: z.ZodType,
  io: "input" | "output",
  components: Record<string, JsonSchema>,
): JsonSchema {
  const json = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  const defs = (json.$defs ?? {}) as Record<string, JsonSchema>;
  delete json.$defs;
  delete json.$schema;
  for (const [name, def] of Object.entries(defs)) components[name] = rewriteRefs(def) as JsonSchema;
  const id = json.id as string | undefined;
  const rewritten = rewriteRefs(json) as JsonSchema;
  if (id) {
    delete rewritten.id;
    components[id] = rewritten;
    return { $ref: `#/components/schemas/${id}` };
  }
  return rewritten;
}

function rewriteRefs(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(rewriteRefs);
  if (node !== null && typeof node === "object") {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) =>
        key === "$ref" && typeof value === "string"
          ? [key, value.replace("#/$defs/", "#/components/schemas/")]
          : [key, rewriteRefs(value)],
      ),
    );
  }
  return node;
}
