import { describe, expect, it } from "vitest";
import { categoriesForModel } from "./categories.ts";
import { GuardVerdictError } from "./guard-verdict-error.ts";
import { parseVerdict } from "./parse-verdict.ts";

describe("parseVerdict", () => {
  it.each(["safe", "\n\nsafe", "safe\n", "  safe  "])("%j → safe", (text) => {
    expect(parseVerdict(text)).toEqual({ safe: true });
  });

  it.each([
    ["unsafe\nS1", ["S1"]],
    ["\n\nunsafe\nS10", ["S10"]],
    ["unsafe\nS1,S3", ["S1", "S3"]],
    ["unsafe\nS1, S3", ["S1", "S3"]],
    ["unsafe\nS3,S1,S3", ["S3", "S1"]],
    ["unsafe\nS14", ["S14"]],
    ["unsafe S2", ["S2"]],
    ["unsafe\nS15,S2", ["S2"]],
  ])("%j → unsafe %j", (text, codes) => {
    expect(parseVerdict(text)).toEqual({ safe: false, codes });
  });

  it("is safe when every code is excluded", () => {
    expect(parseVerdict("unsafe\nS1,S3", { excluded: ["S3", "S1", "S7"] })).toEqual({ safe: true });
  });

  it("removes excluded codes when some remain", () => {
    expect(parseVerdict("unsafe\nS1,S3,S10", { excluded: ["S3"] })).toEqual({
      safe: false,
      codes: ["S1", "S10"],
    });
  });

  it("keeps a valid code that was not in the prompt, and reports it", () => {
    expect(parseVerdict("unsafe\nS14", { categories: categoriesForModel("Llama-Guard-3-1B") })).toEqual({
      safe: false,
      codes: ["S14"],
      notInPrompt: ["S14"],
    });
    expect(parseVerdict("unsafe\nS1", { categories: categoriesForModel("Llama-Guard-3-1B") })).toEqual({
      safe: false,
      codes: ["S1"],
    });
  });

  it.each([
    "",
    "   ",
    "Safe",
    "safe.",
    "I think this is safe",
    "The content is unsafe\nS1",
    "unsafe",
    "unsafe\n",
    "unsafe\nS15",
    "unsafe\nS0,S99",
    "unsafe\nViolent Crimes",
    "unsafeS1",
  ])("%j → GuardVerdictError", (text) => {
    expect(() => parseVerdict(text)).toThrow(GuardVerdictError);
  });

  it("quotes the answer in the error message", () => {
    expect(() => parseVerdict("banana")).toThrow("Unexpected Llama Guard response: banana");
  });

  it("truncates long answers to about 200 characters without splitting emoji", () => {
    const text = `unsafe ${"😀".repeat(300)}`;
    try {
      parseVerdict(text);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GuardVerdictError);
      const { message, response } = error as GuardVerdictError;
      expect(response).toBe(text);
      const shown = message.slice("Unexpected Llama Guard response: ".length);
      expect(Array.from(shown)).toHaveLength(201);
      expect(shown.endsWith("😀…")).toBe(true);
      expect(shown).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    }
  });
});
