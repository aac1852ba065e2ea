import { describe, expect, it } from "vitest";
import { CATEGORY_NAMES } from "./categories.ts";
import { toModerationResult } from "./to-moderation-result.ts";

const NAMES = Object.values(CATEGORY_NAMES);

describe("toModerationResult", () => {
  it("maps safe to all false with scores 1.0", () => {
    const result = toModerationResult({ safe: true });
    expect(result.flagged).toBe(false);
    expect(Object.keys(result.categories)).toEqual(NAMES);
    expect(Object.values(result.categories).every((value) => value === false)).toBe(true);
    expect(Object.values(result.category_scores).every((value) => value === 1)).toBe(true);
    expect(Object.values(result.category_applied_input_types).every((value) => value.length === 0)).toBe(
      true,
    );
    expect(result.user_message).toBeNull();
    expect(result.metadata).toEqual({});
  });

  it("maps unsafe to the listed categories", () => {
    const result = toModerationResult({ safe: false, codes: ["S1", "S14"] });
    expect(result.flagged).toBe(true);
    expect(result.categories["Violent Crimes"]).toBe(true);
    expect(result.categories["Code Interpreter Abuse"]).toBe(true);
    expect(result.categories.Hate).toBe(false);
    expect(result.category_scores["Violent Crimes"]).toBe(1);
    expect(result.category_scores.Hate).toBe(0);
    expect(result.category_applied_input_types["Violent Crimes"]).toEqual(["text"]);
    expect(result.category_applied_input_types.Hate).toEqual([]);
    expect(result.user_message).toBe("I can't answer that. Can I help with something else?");
    expect(result.metadata).toEqual({ violation_type: ["S1", "S14"] });
    expect(Object.values(result.categories).filter(Boolean)).toHaveLength(2);
  });

  it("uses an unsafe score for the flagged categories only", () => {
    const unsafe = toModerationResult({ safe: false, codes: ["S10"] }, { unsafeScore: 0.83 });
    expect(unsafe.category_scores.Hate).toBe(0.83);
    expect(unsafe.category_scores["Violent Crimes"]).toBe(0);
    const safe = toModerationResult({ safe: true }, { unsafeScore: 0.02 });
    expect(safe.category_scores.Hate).toBe(1);
  });

  it("rejects a score that is not a probability", () => {
    for (const unsafeScore of [-0.1, 1.5, Number.NaN]) {
      expect(() => toModerationResult({ safe: true }, { unsafeScore })).toThrow(RangeError);
    }
  });
});
