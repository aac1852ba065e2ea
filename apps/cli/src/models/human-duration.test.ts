import { describe, expect, it } from "vitest";
import { humanDuration } from "./human-duration.ts";

describe("humanDuration", () => {
  it("shows the two largest units", () => {
    expect(humanDuration(0)).toBe("0s");
    expect(humanDuration(42_400)).toBe("42s");
    expect(humanDuration(185_000)).toBe("3m05s");
    expect(humanDuration(3_725_000)).toBe("1h02m");
  });

  it("says -- when there is no estimate", () => {
    expect(humanDuration(Number.NaN)).toBe("--");
    expect(humanDuration(Number.POSITIVE_INFINITY)).toBe("--");
    expect(humanDuration(-1)).toBe("--");
  });
});
