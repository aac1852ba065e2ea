import { getLlama, type Llama } from "node-llama-cpp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CATEGORY_CODES } from "./categories.ts";
import { verdictGrammar } from "./verdict-grammar.ts";

// No model needed: llama.cpp parses the grammar when it is created and throws on a syntax error.
describe("verdictGrammar in llama.cpp", () => {
  let llama: Llama;
  beforeAll(async () => {
    // The logger quiets node-llama-cpp about the deliberately broken grammar below (llama.cpp itself
    // still prints one "parse: error parsing grammar" line to stderr).
    llama = await getLlama({ build: "never", gpu: false, maxThreads: 1, logger: () => {} });
  });
  afterAll(async () => {
    await llama?.dispose();
  });

  it("parses for 14, 13 and a single category", async () => {
    for (const categories of [[...CATEGORY_CODES], CATEGORY_CODES.slice(0, 13), ["S5" as const]]) {
      const grammar = await llama.createGrammar({ grammar: verdictGrammar(categories) });
      expect(grammar.grammar).toBe(verdictGrammar(categories));
    }
  });

  it("would reject a broken grammar (the check is real)", async () => {
    await expect(llama.createGrammar({ grammar: 'root ::= "safe" | (' })).rejects.toThrow();
  });
});
