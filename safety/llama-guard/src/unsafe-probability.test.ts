import { describe, expect, it } from "vitest";
import { unsafeProbability } from "./unsafe-probability.ts";

describe("unsafeProbability", () => {
  it("normalises over safe and unsafe", () => {
    const p = unsafeProbability([
      { token: "safe", logprob: Math.log(0.6) },
      { token: "unsafe", logprob: Math.log(0.2) },
      { token: "The", logprob: Math.log(0.1) },
    ]);
    expect(p).toBeCloseTo(0.25, 10);
  });

  it("counts whitespace-prefixed, capitalised and split tokens", () => {
    const p = unsafeProbability([
      { token: " unsafe", logprob: Math.log(0.3) },
      { token: "\n\nun", logprob: Math.log(0.1) },
      { token: "Unsafe", logprob: Math.log(0.1) },
      { token: " safe", logprob: Math.log(0.4) },
      { token: "sa", logprob: Math.log(0.1) },
    ]);
    expect(p).toBeCloseTo(0.5, 10);
  });

  it("ignores whitespace-only and one-letter tokens", () => {
    const p = unsafeProbability([
      { token: "\n\n", logprob: Math.log(0.5) },
      { token: "s", logprob: Math.log(0.2) },
      { token: "u", logprob: Math.log(0.2) },
      { token: "unsafe", logprob: Math.log(0.1) },
    ]);
    expect(p).toBe(1);
  });

  it("is undefined when neither appears", () => {
    expect(unsafeProbability([])).toBeUndefined();
    expect(unsafeProbability([{ token: "\n\n", logprob: 0 }])).toBeUndefined();
    expect(unsafeProbability([{ token: "safe", logprob: Number.NEGATIVE_INFINITY }])).toBeUndefined();
  });

  it("is 0 when only safe appears", () => {
    expect(unsafeProbability([{ token: "safe", logprob: -0.01 }])).toBe(0);
  });
});
