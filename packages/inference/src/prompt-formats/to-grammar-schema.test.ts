import { describe, expect, it } from "vitest";
import { toGrammarSchema } from "./to-grammar-schema.ts";

describe("toGrammarSchema", () => {
  it("drops unsupported keywords and turns anyOf into oneOf", () => {
    expect(
      toGrammarSchema({
        type: "object",
        title: "Args",
        properties: {
          code: { type: "string", pattern: "^[A-Z]+$", maxLength: 8, format: "email" },
          count: { type: "integer", minimum: 1, default: 3 },
          when: { type: "string", format: "date" },
          either: { anyOf: [{ type: "string" }, { type: "null" }] },
          list: { type: "array", items: { type: "number", exclusiveMaximum: 3 }, minItems: 1 },
        },
        required: ["code"],
        additionalProperties: false,
      }),
    ).toEqual({
      type: "object",
      properties: {
        code: { type: "string", maxLength: 8 },
        count: { type: "integer" },
        when: { type: "string", format: "date" },
        either: { oneOf: [{ type: "string" }, { type: "null" }] },
        list: { type: "array", items: { type: "number" }, minItems: 1 },
      },
      required: ["code"],
      additionalProperties: false,
    });
  });

  it("merges single allOf and moves definitions to $defs", () => {
    expect(
      toGrammarSchema({
        definitions: { Unit: { enum: ["C", "F"], title: "Unit" } },
        properties: { unit: { allOf: [{ $ref: "#/definitions/Unit" }], description: "unit" } },
      }),
    ).toEqual({
      $defs: { Unit: { enum: ["C", "F"] } },
      properties: { unit: { $ref: "#/$defs/Unit", description: "unit" } },
    });
  });
});
