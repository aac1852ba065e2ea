import { describe, expect, it } from "vitest";
import { CATEGORY_CODES, categoriesForModel } from "./categories.ts";
import { verdictGrammar } from "./verdict-grammar.ts";

function grammarCodes(grammar: string): string[] {
  const catRule = grammar.split("\n").find((line) => line.startsWith("cat ::="));
  return Array.from(catRule?.matchAll(/"(S\d+)"/g) ?? [], (match) => match[1]!);
}

describe("verdictGrammar", () => {
  it("lists exactly the active codes, in order", () => {
    expect(grammarCodes(verdictGrammar(categoriesForModel("Llama-Guard-3-8B")))).toEqual([...CATEGORY_CODES]);
    expect(grammarCodes(verdictGrammar(categoriesForModel("Llama-Guard-3-1B")))).toEqual(
      CATEGORY_CODES.filter((code) => code !== "S14"),
    );
    const some = verdictGrammar(["S14", "S1", "S10", "S1"]);
    expect(grammarCodes(some)).toEqual(["S1", "S10", "S14"]);
    expect(some).not.toContain('"S2"');
    expect(some).not.toContain('"S11"');
  });

  it("has the expected GBNF shape, with an escaped newline inside the literal", () => {
    expect(verdictGrammar(["S1", "S3"])).toBe(
      'root ::= "safe" | "unsafe\\n" cat ("," cat)*\ncat ::= "S1" | "S3"',
    );
    expect(verdictGrammar(["S1"]).split("\n")).toHaveLength(2);
  });

  it("refuses an empty category list", () => {
    expect(() => verdictGrammar([])).toThrow();
  });
});
