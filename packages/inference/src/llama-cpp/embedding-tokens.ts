import { InvalidRequestError } from "@llama-stack-ts/api";
import type { LlamaEmbeddingContext, LlamaModel, Token } from "node-llama-cpp";
import { checkTokenIds } from "./check-token-ids.ts";
import { vocabularySize } from "./vocabulary-size.ts";

export interface EmbeddingTokensOptions {
  /** The model's context size; an input, with the begin/end tokens the context adds, must stay below it. */
  contextSize: number;
  /** Keep the first tokens that fit instead of refusing a longer input. */
  truncate: boolean;
  /** Where the input sits in the request, e.g. `input[2]`. */
  param: string;
  modelName: string;
}

// A first guess at how much text the kept tokens take; grown until the cut text has enough tokens.
const CHARACTERS_PER_TOKEN_GUESS = 8;
// Tokens at the end of a cut text may differ from the whole text's (a word split in two); they are never kept.
const CUT_MARGIN_TOKENS = 16;

/**
 * The tokens one `/v1/embeddings` input is embedded from. Token ids are checked against the
 * vocabulary; an input longer than the context is refused with both counts, or with `truncate`
 * cut to its first tokens, however long it is. A long text is tokenized only as far as needed.
 */
export function embeddingTokens(
  model: LlamaModel,
  context: LlamaEmbeddingContext,
  input: string | readonly number[],
  options: EmbeddingTokensOptions,
): Token[] {
  const { contextSize, truncate, param } = options;
  // node-llama-cpp refuses an input (with its begin/end tokens) as long as the context.
  const usable = contextSize - 1;
  let tokens: Token[];
  if (typeof input === "string") {
    tokens = truncate ? tokenizeStart(model, input, usable + CUT_MARGIN_TOKENS) : model.tokenize(input);
  } else {
    checkTokenIds(input, vocabularySize(model), param);
    tokens = input as Token[];
  }
  // The count includes the begin/end tokens the context adds (it adds them to the array it is given).
  let counted = context.calculateInputLength([...tokens]);
  if (counted <= usable) return tokens;
  if (!truncate) {
    throw new InvalidRequestError(
      `${param} has ${counted} tokens with the model's begin and end tokens; model '${options.modelName}' embeds at most ${usable}.`,
      { param, code: "context_length_exceeded" },
    );
  }
  while (counted > usable && tokens.length > 0) {
    tokens = tokens.slice(0, Math.max(0, tokens.length - (counted - usable)));
    counted = context.calculateInputLength([...tokens]);
  }
  return tokens;
}

/** The tokens of `text`, or of a start of it that has more than `wanted` tokens (not 1 MB for 512 tokens). */
function tokenizeStart(model: LlamaModel, text: string, wanted: number): Token[] {
  for (let length = wanted * CHARACTERS_PER_TOKEN_GUESS; ; length *= 4) {
    if (length >= text.length) return model.tokenize(text);
    const tokens = model.tokenize(text.slice(0, length));
    if (tokens.length > wanted) return tokens.slice(0, wanted - CUT_MARGIN_TOKENS);
  }
}
