import type { LlamaModel, Token } from "node-llama-cpp";

const cache = new WeakMap<LlamaModel, Map<string, Token | null>>();

/** The id of a special token such as `<|eom_id|>`, or null when the vocabulary lacks it. */
export function specialToken(model: LlamaModel, text: string): Token | null {
  let tokens = cache.get(model);
  if (!tokens) {
    tokens = new Map();
    cache.set(model, tokens);
  }
  if (!tokens.has(text)) {
    const tokenized = model.tokenize(text, true);
    tokens.set(text, tokenized.length === 1 ? tokenized[0]! : null);
  }
  return tokens.get(text) ?? null;
}
