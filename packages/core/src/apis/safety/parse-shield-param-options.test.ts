import { describe, expect, it } from "vitest";
import { parseShieldParamOptions } from "./parse-shield-param-options.ts";

describe("parseShieldParamOptions", () => {
  it("returns only the common options present, leaving provider keys alone", () => {
    expect(parseShieldParamOptions({ on_error: "allow", categories: ["S1"] })).toEqual({ on_error: "allow" });
    expect(parseShieldParamOptions({ touchpoints: ["tool_results"] })).toEqual({
      touchpoints: ["tool_results"],
    });
    expect(parseShieldParamOptions(undefined)).toEqual({});
    expect(parseShieldParamOptions(null)).toEqual({});
  });

  it("rejects bad values naming the key", () => {
    expect(() => parseShieldParamOptions({ on_error: "ignore" })).toThrow("params.on_error");
    expect(() => parseShieldParamOptions({ touchpoints: [] }, "shields[0].params")).toThrow(
      "shields[0].params.touchpoints",
    );
  });
});
