/**
 * What a JSON Schema may ask of constrained decoding (`response_format` json_schema, tool
 * parameters). llama.cpp's grammar parser unrolls `{n,m}` repetitions and refuses a rule repeated
 * much over 1,000 times ("number of repetitions exceeds sane defaults"), so larger bounds are
 * refused (minimums) or left out of the grammar (maximums) before any grammar is built.
 */

/** Largest `minLength` / `minItems` / `minProperties`: above it the grammar cannot be built (400). */
export const GRAMMAR_MAX_MINIMUM = 1000;

/**
 * Largest `maxLength` / `maxItems` / `maxProperties` kept in the grammar; a larger one is left out
 * (the grammar is looser, and structured output is still validated against the full schema).
 */
export const GRAMMAR_MAX_MAXIMUM = 1000;

/** Deepest nesting of sub-schemas (properties, items, oneOf/anyOf/allOf, $defs …) below the root. */
export const GRAMMAR_SCHEMA_MAX_DEPTH = 32;

/** Most sub-schemas in one schema, the root included. */
export const GRAMMAR_SCHEMA_MAX_SUBSCHEMAS = 5000;

/** Most repetitions (kept minimums and maximums, summed) one schema unrolls into: about 0.2 s of grammar build. */
export const GRAMMAR_SCHEMA_MAX_REPETITIONS = 200_000;
