import { describe, expect, it } from "vitest";
import { refusalText } from "./output-items.ts";

describe("refusalText", () => {
  it("says what a shield flagged, or why a shield that failed closed could not run", () => {
    expect(
      refusalText(
        { violation_level: "error", user_message: "Blocked.", metadata: { violation_type: ["S1", "S2"] } },
        "fallback",
      ),
    ).toBe("Blocked. (violation type: S1, S2)");
    expect(
      refusalText(
        {
          violation_level: "error",
          user_message: "The safety check could not run, so the request was blocked.",
          metadata: { shield_error: "Model 'Llama-Guard-3-1B' is not downloaded yet.", on_error: "block" },
        },
        "fallback",
      ),
    ).toBe(
      "The safety check could not run, so the request was blocked. (shield error: Model 'Llama-Guard-3-1B' is not downloaded yet.)",
    );
    expect(refusalText({ violation_level: "error", metadata: {} }, "fallback")).toBe("fallback");
  });
});
