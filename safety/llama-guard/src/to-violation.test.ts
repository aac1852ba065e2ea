import { describe, expect, it } from "vitest";
import { LLAMA_GUARD_REFUSAL, toViolation } from "./to-violation.ts";

describe("toViolation", () => {
  it("is null when safe", () => {
    expect(toViolation({ safe: true })).toBeNull();
  });

  it("is an error with the canned message and comma-joined codes", () => {
    expect(toViolation({ safe: false, codes: ["S1", "S10"] })).toEqual({
      violation_level: "error",
      user_message: "I can't answer that. Can I help with something else?",
      metadata: { violation_type: "S1,S10" },
    });
    expect(LLAMA_GUARD_REFUSAL).toBe("I can't answer that. Can I help with something else?");
  });
});
