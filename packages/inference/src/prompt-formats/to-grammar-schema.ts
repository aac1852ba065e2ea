import { GRAMMAR_MAX_MAXIMUM } from "./grammar-schema-limits.ts";

type Schema = Record<string, unknown>;

// What node-llama-cpp's JSON-schema grammar understands; anything else is dropped.
const SUPPORTED = new Set([
  "type",
  "const",
  "enum",
  "oneOf",
  "$ref",
  "$defs",
  "description",
  "properties",
  "required",
  "additionalProperties",
  "minProperties",
  "maxProperties",
  "items",
  "prefixItems",
  "minItems",
  "maxItems",
  "minLength",
  "maxLength",
  "format",
]);
const FORMATS = new Set(["date", "time", "date-time"]);
const MAXIMUMS = new Set(["maxLength", "maxItems", "maxProperties"]);

function isRecord(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function mapValues(value: unknown): Schema {
  if (!isRecord(value)) return {};
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, toGrammarSchema(item)]));
}

function mapItems(value: unknown): Schema[] {
  return Array.isArray(value) ? value.map(toGrammarSchema) : [];
}

/** Normalizes keywords the grammar lacks into ones it has, where the meaning survives. */
function normalize(schema: Schema): Schema {
  let source: Schema = { ...schema };
  // `allOf: [X]` (pydantic's way of describing a `$ref`) means X.
  if (Array.isArray(source.allOf) && source.allOf.length === 1 && isRecord(source.allOf[0])) {
    const { allOf: _, ...rest } = source;
    source = { ...source.allOf[0], ...rest };
  }
  // For generation "any of" and "one of" are the same: the grammar picks one branch.
  if (source.anyOf !== undefined && source.oneOf === undefined) source.oneOf = source.anyOf;
  if (source.definitions !== undefined && source.$defs === undefined) source.$defs = source.definitions;
  // Draft-4 tuple form.
  if (Array.isArray(source.items)) {
    source.prefixItems ??= source.items;
    delete source.items;
  }
  return source;
}

/**
 * A JSON Schema reduced to node-llama-cpp's grammar subset: `anyOf` becomes `oneOf`, single
 * `allOf`s are merged, `definitions` become `$defs`, and unsupported keywords (`pattern`,
 * `minimum`, `default`, unknown `format`s, maximums above {@link GRAMMAR_MAX_MAXIMUM}, …) are dropped,
 * so the grammar is looser, never wrong.
 * Validate generated values against the original schema when bounds matter.
 */
export function toGrammarSchema(schema: unknown): Schema {
  if (!isRecord(schema)) return {};
  const result: Schema = {};
  for (const [key, value] of Object.entries(normalize(schema))) {
    if (!SUPPORTED.has(key)) continue;
    if (MAXIMUMS.has(key) && typeof value === "number" && value > GRAMMAR_MAX_MAXIMUM) continue;
    if (key === "properties" || key === "$defs") result[key] = mapValues(value);
    else if (key === "oneOf" || key === "prefixItems") result[key] = mapItems(value);
    else if (key === "items") result[key] = toGrammarSchema(value);
    else if (key === "additionalProperties") result[key] = isRecord(value) ? toGrammarSchema(value) : value;
    else if (key === "$ref" && typeof value === "string")
      result[key] = value.replace(/^#\/definitions\//, "#/$defs/");
    else if (key === "format") {
      if (typeof value === "string" && FORMATS.has(value)) result[key] = value;
    } else result[key] = value;
  }
  return result;
}
