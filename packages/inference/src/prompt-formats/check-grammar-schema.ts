import { InvalidRequestError } from "@llama-stack-ts/api";
import {
  GRAMMAR_MAX_MAXIMUM,
  GRAMMAR_MAX_MINIMUM,
  GRAMMAR_SCHEMA_MAX_DEPTH,
  GRAMMAR_SCHEMA_MAX_REPETITIONS,
  GRAMMAR_SCHEMA_MAX_SUBSCHEMAS,
} from "./grammar-schema-limits.ts";

type Schema = Record<string, unknown>;

const MINIMUMS = ["minLength", "minItems", "minProperties"];
const MAXIMUMS = ["maxLength", "maxItems", "maxProperties"];
// Keywords whose values are sub-schemas that toGrammarSchema carries into the grammar.
const SCHEMA_MAPS = ["properties", "$defs", "definitions"];
const SCHEMA_LISTS = ["oneOf", "anyOf", "allOf", "prefixItems"];

function isRecord(value: unknown): value is Schema {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `a.b`, or `a["b c"]` where the name is not a plain identifier. */
function child(path: string, name: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(name) ? `${path}.${name}` : `${path}[${JSON.stringify(name)}]`;
}

/**
 * Refuses, before any grammar is built, a JSON Schema whose grammar llama.cpp cannot build or
 * that would be too costly to build: bounds that are not non-negative integers, minimums above
 * {@link GRAMMAR_MAX_MINIMUM}, nesting deeper than {@link GRAMMAR_SCHEMA_MAX_DEPTH}, and schemas
 * with too many sub-schemas or repetitions. `param` is where the schema sits in the request
 * (`response_format.json_schema.schema`); the 400 names the offending keyword below it.
 */
export function checkGrammarSchema(schema: unknown, param: string): void {
  let subschemas = 0;
  let repetitions = 0;
  // Iterative, so a hostile nesting depth cannot overflow the stack before it is refused.
  const pending: { schema: unknown; path: string; depth: number }[] = [{ schema, path: param, depth: 0 }];
  while (pending.length > 0) {
    const { schema: node, path, depth } = pending.pop()!;
    if (!isRecord(node)) continue;
    if (depth > GRAMMAR_SCHEMA_MAX_DEPTH) {
      throw new InvalidRequestError(
        `${path} is nested ${depth} levels deep; constrained decoding supports at most ${GRAMMAR_SCHEMA_MAX_DEPTH}.`,
        { param: path },
      );
    }
    if (++subschemas > GRAMMAR_SCHEMA_MAX_SUBSCHEMAS) {
      throw new InvalidRequestError(
        `${param} has more than ${GRAMMAR_SCHEMA_MAX_SUBSCHEMAS} sub-schemas; constrained decoding supports at most ${GRAMMAR_SCHEMA_MAX_SUBSCHEMAS}.`,
        { param },
      );
    }
    for (const keyword of [...MINIMUMS, ...MAXIMUMS]) {
      const bound = node[keyword];
      if (bound === undefined) continue;
      const at = `${path}.${keyword}`;
      if (typeof bound !== "number" || !Number.isSafeInteger(bound) || bound < 0) {
        throw new InvalidRequestError(`${at} must be a non-negative integer.`, { param: at });
      }
      const minimum = MINIMUMS.includes(keyword);
      if (minimum && bound > GRAMMAR_MAX_MINIMUM) {
        throw new InvalidRequestError(
          `${at} is ${bound}; constrained decoding supports at most ${GRAMMAR_MAX_MINIMUM}.`,
          { param: at },
        );
      }
      // A maximum above the cap is left out of the grammar, so it unrolls nothing.
      if (minimum || bound <= GRAMMAR_MAX_MAXIMUM) repetitions += bound;
    }
    if (repetitions > GRAMMAR_SCHEMA_MAX_REPETITIONS) {
      throw new InvalidRequestError(
        `The length and count bounds in ${param} add up to more than ${GRAMMAR_SCHEMA_MAX_REPETITIONS} repetitions; constrained decoding supports at most ${GRAMMAR_SCHEMA_MAX_REPETITIONS}.`,
        { param },
      );
    }
    const next = (value: unknown, at: string): void => {
      pending.push({ schema: value, path: at, depth: depth + 1 });
    };
    for (const keyword of SCHEMA_MAPS) {
      const map = node[keyword];
      if (!isRecord(map)) continue;
      for (const [name, value] of Object.entries(map)) next(value, child(`${path}.${keyword}`, name));
    }
    for (const keyword of SCHEMA_LISTS) {
      const list = node[keyword];
      if (!Array.isArray(list)) continue;
      for (const [index, value] of list.entries()) next(value, `${path}.${keyword}[${index}]`);
    }
    if (!Array.isArray(node.items)) next(node.items, `${path}.items`);
    else for (const [index, value] of node.items.entries()) next(value, `${path}.items[${index}]`);
    next(node.additionalProperties, `${path}.additionalProperties`);
  }
}
