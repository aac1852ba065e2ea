import { describe, expect, it } from "vitest";
import { encodeLlama31 } from "./encode-llama31.ts";
import { llama31Vocabulary } from "./llama31-vocabulary.ts";

describe("llama31Vocabulary", () => {
  const { tokens, metadata } = llama31Vocabulary();

  it("has 128,256 unique tokens with Llama 3.1 special-token names", () => {
    expect(tokens).toHaveLength(128_256);
    expect(new Set(tokens).size).toBe(128_256);
    expect(tokens[271]).toBe("ĊĊ");
    expect(tokens.slice(128_000, 128_012)).toEqual([
      "<|begin_of_text|>",
      "<|end_of_text|>",
      "<|reserved_special_token_0|>",
      "<|reserved_special_token_1|>",
      "<|finetune_right_pad_id|>",
      "<|reserved_special_token_2|>",
      "<|start_header_id|>",
      "<|end_header_id|>",
      "<|eom_id|>",
      "<|eot_id|>",
      "<|python_tag|>",
      "<|reserved_special_token_3|>",
    ]);
    expect(tokens[128_255]).toBe("<|reserved_special_token_247|>");
  });

  it("marks exactly the 256 special tokens as control tokens", () => {
    const types = metadata["tokenizer.ggml.token_type"];
    if (types?.type !== "array" || types.itemType !== "i32")
      throw new Error("token_type must be an i32 array");
    const values = Array.from(types.value);
    expect(values.slice(0, 128_000).every((type) => type === 1)).toBe(true);
    expect(values.slice(128_000).every((type) => type === 3)).toBe(true);
  });

  it("carries the merges and the token ids llama.cpp needs", () => {
    expect(metadata["tokenizer.ggml.merges"]?.value).toHaveLength(280_147);
    expect(metadata["tokenizer.ggml.bos_token_id"]?.value).toBe(128_000);
    expect(metadata["tokenizer.ggml.eos_token_id"]?.value).toBe(128_009);
    expect(metadata["tokenizer.ggml.eom_token_id"]?.value).toBe(128_008);
    expect(metadata["tokenizer.ggml.pre"]?.value).toBe("llama-bpe");
    expect(metadata["tokenizer.chat_template"]?.value).toContain("Cutting Knowledge Date: December 2023");
  });

  it("is parsed once", () => {
    expect(llama31Vocabulary()).toBe(llama31Vocabulary());
  });
});

describe("encodeLlama31", () => {
  it("encodes without BOS", () => {
    expect(encodeLlama31("Hello world")).toEqual([9906, 1917]);
    expect(encodeLlama31("\n\n")).toEqual([271]);
  });
});
