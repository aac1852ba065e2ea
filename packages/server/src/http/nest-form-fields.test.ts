import { describe, expect, it } from "vitest";
import { nestFormFields } from "./nest-form-fields.ts";

describe("nestFormFields", () => {
  it("nests bracket keys and keeps plain ones", () => {
    expect(
      nestFormFields({
        purpose: "batch",
        "expires_after[anchor]": "created_at",
        "expires_after[seconds]": "3600",
      }),
    ).toEqual({ purpose: "batch", expires_after: { anchor: "created_at", seconds: "3600" } });
    expect(nestFormFields({ "a[b][c]": "1" })).toEqual({ a: { b: { c: "1" } } });
  });

  it("leaves keys that are not bracket notation alone", () => {
    expect(nestFormFields({ "odd]key": "1", "x[": "2" })).toEqual({ "odd]key": "1", "x[": "2" });
  });

  it("ignores keys that would reach Object.prototype", () => {
    expect(nestFormFields({ "__proto__[polluted]": "1", "constructor[prototype][x]": "2" })).toEqual({});
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("lets a nested key replace a plain value of the same name", () => {
    expect(nestFormFields({ a: "1", "a[b]": "2" })).toEqual({ a: { b: "2" } });
  });
});
