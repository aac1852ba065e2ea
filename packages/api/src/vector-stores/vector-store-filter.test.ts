import { describe, expect, it } from "vitest";
import { VectorStoreFilterSchema } from "./vector-store-filter.ts";

const issue = (value: unknown) => {
  const result = VectorStoreFilterSchema.safeParse(value);
  return result.success
    ? undefined
    : { path: result.error.issues[0]!.path, message: result.error.issues[0]!.message };
};

describe("VectorStoreFilterSchema", () => {
  it("accepts OpenAI comparison and nested compound filters", () => {
    const filter = {
      type: "or",
      filters: [
        { type: "eq", key: "kind", value: "animal" },
        {
          type: "and",
          filters: [
            { type: "gte", key: "year", value: 2020 },
            { type: "nin", key: "lang", value: ["de"] },
          ],
        },
      ],
    };
    expect(VectorStoreFilterSchema.parse(filter)).toEqual(filter);
  });

  it("names the field at fault", () => {
    expect(issue({ type: "eq", key: "kind" })?.path).toEqual(["value"]);
    expect(issue({ type: "eq", key: "kind", value: ["a"] })).toEqual({
      path: ["value"],
      message: "must be a string, a number or a boolean",
    });
    expect(issue({ type: "in", key: "kind", value: [] })).toEqual({
      path: ["value"],
      message: "must not be empty",
    });
    expect(issue({ type: "like", key: "kind", value: "x" })?.path).toEqual(["type"]);
    expect(issue({ type: "and", filters: [{ type: "eq", key: "", value: 1 }] })?.path).toEqual([
      "filters",
      0,
      "key",
    ]);
    expect(issue({ type: "eq", key: "kind", value: 1, extra: true })?.message).toContain("extra");
  });
});
