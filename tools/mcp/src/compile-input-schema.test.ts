import { describe, expect, it } from "vitest";
import { compileInputSchema } from "./compile-input-schema.ts";

describe("compileInputSchema", () => {
  it("follows $ref into $defs", () => {
    const validator = compileInputSchema({
      type: "object",
      properties: { at: { $ref: "#/$defs/Point" } },
      required: ["at"],
      $defs: { Point: { type: "object", properties: { x: { type: "number" } }, required: ["x"] } },
    });
    expect(validator?.safeParse({ at: { x: 1 } }).success).toBe(true);
    expect(validator?.safeParse({ at: { x: "1" } }).error?.issues[0]?.path).toEqual(["at", "x"]);
  });

  it("accepts no arguments for an object schema without properties", () => {
    expect(compileInputSchema({ type: "object" })?.safeParse({}).success).toBe(true);
  });

  it("gives up (leaving validation to the server) on a schema zod cannot express", () => {
    expect(
      compileInputSchema({ type: "object", properties: { a: { $ref: "#/$defs/Missing" } } }),
    ).toBeUndefined();
  });
});
