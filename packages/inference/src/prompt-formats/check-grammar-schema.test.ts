import { InvalidRequestError } from "@llama-stack-ts/api";
import { getLlama } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { checkGrammarSchema } from "./check-grammar-schema.ts";
import {
  GRAMMAR_MAX_MINIMUM,
  GRAMMAR_SCHEMA_MAX_REPETITIONS,
  GRAMMAR_SCHEMA_MAX_SUBSCHEMAS,
} from "./grammar-schema-limits.ts";
import { toGrammarSchema } from "./to-grammar-schema.ts";

const ROOT = "response_format.json_schema.schema";

function refusal(schema: unknown): InvalidRequestError {
  try {
    checkGrammarSchema(schema, ROOT);
  } catch (error) {
    expect(error).toBeInstanceOf(InvalidRequestError);
    return error as InvalidRequestError;
  }
  throw new Error("expected the schema to be refused");
}

describe("checkGrammarSchema", () => {
  it("accepts every bound at its cap, and llama.cpp builds the grammar", async () => {
    const schema = {
      type: "object",
      properties: {
        text: { type: "string", minLength: GRAMMAR_MAX_MINIMUM, maxLength: 1500 },
        list: { type: "array", items: { type: "integer" }, minItems: GRAMMAR_MAX_MINIMUM, maxItems: 100_000 },
        map: {
          type: "object",
          additionalProperties: { type: "integer" },
          minProperties: GRAMMAR_MAX_MINIMUM,
        },
      },
      required: ["text", "list", "map"],
    };
    checkGrammarSchema(schema, ROOT);
    // Maximums past the cap are left out of the grammar (1,001–2,000 repetitions fail to parse).
    const reduced = toGrammarSchema(schema) as { properties: Record<string, Record<string, unknown>> };
    expect(reduced.properties.text).toEqual({ type: "string", minLength: GRAMMAR_MAX_MINIMUM });
    const llama = await getLlama({ gpu: false, build: "never" });
    const grammar = await llama.createGrammarForJsonSchema(reduced as never);
    expect(grammar.grammar).toContain(`{${GRAMMAR_MAX_MINIMUM},}`);
    await expect(
      llama.createGrammarForJsonSchema({ type: "string", minLength: GRAMMAR_MAX_MINIMUM + 1 }),
    ).rejects.toThrow("Failed to parse grammar");
  });

  it("names the keyword of a minimum past the cap, or of a bound that is not a non-negative integer", () => {
    const tooLong = refusal({ type: "object", properties: { "a b": { type: "string", minLength: 1e9 } } });
    expect(tooLong.param).toBe(`${ROOT}.properties["a b"].minLength`);
    expect(tooLong.message).toBe(
      `${ROOT}.properties["a b"].minLength is 1000000000; constrained decoding supports at most 1000.`,
    );
    expect(refusal({ oneOf: [{ type: "null" }, { type: "array", minItems: 1e5 }] }).param).toBe(
      `${ROOT}.oneOf[1].minItems`,
    );
    expect(refusal({ $defs: { x: { type: "object", minProperties: 5000 } } }).param).toBe(
      `${ROOT}.$defs.x.minProperties`,
    );
    const text = refusal({ type: "array", items: [{ type: "string", maxLength: "10" }] });
    expect(text.param).toBe(`${ROOT}.items[0].maxLength`);
    expect(text.message).toBe(`${ROOT}.items[0].maxLength must be a non-negative integer.`);
    expect(refusal({ type: "string", minLength: -1 }).param).toBe(`${ROOT}.minLength`);
  });

  it("refuses deep nesting without recursing into it, and schemas too large to build quickly", () => {
    let deep: unknown = { type: "string" };
    for (let depth = 0; depth < 100_000; depth++) deep = { type: "array", items: deep };
    expect(refusal(deep).param).toBe(`${ROOT}${".items".repeat(33)}`);
    const wide = Object.fromEntries(
      Array.from({ length: GRAMMAR_SCHEMA_MAX_SUBSCHEMAS }, (_, i) => [`p${i}`, { type: "string" }]),
    );
    const tooMany = refusal({ type: "object", properties: wide });
    expect(tooMany.param).toBe(ROOT);
    expect(tooMany.message).toContain(`more than ${GRAMMAR_SCHEMA_MAX_SUBSCHEMAS} sub-schemas`);
    const bounded = Object.fromEntries(
      Array.from({ length: 201 }, (_, i) => [`p${i}`, { type: "string", minLength: 1000 }]),
    );
    const heavy = refusal({ type: "object", properties: bounded });
    expect(heavy.param).toBe(ROOT);
    expect(heavy.message).toContain(`more than ${GRAMMAR_SCHEMA_MAX_REPETITIONS} repetitions`);
  });
});
