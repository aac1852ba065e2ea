import type { LlamaModel, Token, Tokenizer } from "node-llama-cpp";

const ENTRIES = 256;
/** Longer texts (a whole pasted document) are tokenized every time rather than kept. */
const LONGEST_CACHED = 32_768;

const cache = new WeakMap<LlamaModel, Tokenizer>();

/**
 * The model's tokenizer with a small least-recently-used memo. A chat prompt is tokenized segment
 * by segment, and most segments (headers, the system prompt, tool definitions, earlier turns)
 * repeat from one request to the next; each costs one or two native calls otherwise.
 */
export function cachedTokenizer(model: LlamaModel): Tokenizer {
  let tokenizer = cache.get(model);
  if (!tokenizer) {
    tokenizer = memoize(model.tokenizer);
    cache.set(model, tokenizer);
  }
  return tokenizer;
}

function memoize(tokenizer: Tokenizer): Tokenizer {
  const memo = new Map<string, readonly Token[]>();
  const tokenize = (text: string, specialTokens?: boolean | "builtin", options?: "trimLeadingSpace") => {
    if (text.length > LONGEST_CACHED) return tokenizer(text as never, specialTokens as never, options);
    const key = `${String(specialTokens)}|${options ?? ""}|${text}`;
    let tokens = memo.get(key);
    if (tokens) memo.delete(key);
    else tokens = tokenizer(text as never, specialTokens as never, options);
    memo.set(key, tokens);
    if (memo.size > ENTRIES) memo.delete(memo.keys().next().value!);
    return tokens.slice();
  };
  return Object.assign(tokenize, {
    detokenize: tokenizer.detokenize,
    isSpecialToken: tokenizer.isSpecialToken,
    isEogToken: tokenizer.isEogToken,
  }) as Tokenizer;
}
