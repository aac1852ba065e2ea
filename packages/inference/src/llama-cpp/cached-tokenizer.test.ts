import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";
import { getLlama, LlamaText, SpecialTokensText } from "node-llama-cpp";
import { describe, expect, it } from "vitest";
import { cachedTokenizer } from "./cached-tokenizer.ts";

describe("cachedTokenizer", () => {
  it("tokenizes as the model does, and callers cannot change what it keeps", async () => {
    const llama = await getLlama({ gpu: false, build: "never" });
    const model = await llama.loadModel({ modelPath: await tinyLlamaPath() });
    try {
      const tokenizer = cachedTokenizer(model);
      expect(cachedTokenizer(model)).toBe(tokenizer);
      const text = LlamaText([
        new SpecialTokensText("<|start_header_id|>user<|end_header_id|>\n\n"),
        " Hello there",
        new SpecialTokensText("<|eot_id|>"),
      ]);
      const expected = text.tokenize(model.tokenizer);
      expect(text.tokenize(tokenizer)).toEqual(expected);
      tokenizer("Hello", false).push(0 as never);
      expect(text.tokenize(tokenizer)).toEqual(expected);
      expect(tokenizer.detokenize(expected)).toBe(model.detokenize(expected));
    } finally {
      await model.dispose();
    }
  });
});
