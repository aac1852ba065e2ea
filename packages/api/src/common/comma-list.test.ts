import { describe, expect, it } from "vitest";
import { z } from "zod";
import { commaListSchema } from "./comma-list.ts";

describe("commaListSchema", () => {
  const schema = commaListSchema(z.enum(["a", "b", "c"]));

  it("splits the clients' comma format and repeated keys alike", () => {
    expect(schema.parse("a,b")).toEqual(["a", "b"]);
    expect(schema.parse(["a", "b,c"])).toEqual(["a", "b", "c"]);
    expect(schema.parse("")).toEqual([]);
  });

  it("validates each element", () => {
    expect(schema.safeParse("a,z").success).toBe(false);
  });
});
