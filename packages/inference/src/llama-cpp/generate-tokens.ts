import type { TokenLogprob } from "@llama-stack-ts/api";
import {
  type LlamaContextSequence,
  type LlamaGrammarEvaluationState,
  type LlamaModel,
  type Token,
  TokenBias,
} from "node-llama-cpp";

export interface Sampling {
  temperature: number;
  topP: number;
  seed?: number | undefined;
  frequencyPenalty?: number | undefined;
  presencePenalty?: number | undefined;
  logitBias?: Record<string, number> | undefined;
}

export interface GenerationInput {
  prompt: Token[];
  maxTokens: number;
  sampling: Sampling;
  /** Consulted before every token, so a grammar can be switched on mid-generation. */
  grammar?: () => LlamaGrammarEvaluationState | undefined;
  /** 0 = chosen token's logprob only; n = also the n most likely alternatives; undefined = none. */
  topLogprobs?: number | undefined;
  signal?: AbortSignal | undefined;
}

export interface GeneratedPiece {
  token: Token;
  /** Decoded text; empty while a multi-byte character is incomplete. Special tokens appear as text. */
  text: string;
  logprob?: TokenLogprob;
}

export interface GenerationEnd {
  reason: "eog" | "length" | "abort";
  /** The end-of-generation token (`<|eot_id|>`, `<|eom_id|>`, …) when reason is eog. */
  eogToken?: Token;
  promptTokens: number;
  completionTokens: number;
  /** Prompt tokens reused from the sequence's previous request (prefix cache). */
  cachedTokens: number;
}

/**
 * The token loop over one sequence. Reuses the longest common prefix already in the sequence's
 * KV cache, yields raw end-of-generation tokens (so eom and eot can be told apart), and stops on
 * EOG, max tokens or abort. Stop strings and output parsing belong to the callers.
 */
export async function* generateTokens(
  model: LlamaModel,
  sequence: LlamaContextSequence,
  input: GenerationInput,
): AsyncGenerator<GeneratedPiece, GenerationEnd> {
  const cachedTokens = await reusePrefix(sequence, input.prompt);
  const fresh = input.prompt.slice(cachedTokens);
  const generated: Token[] = [];
  const end = (reason: GenerationEnd["reason"], eogToken?: Token): GenerationEnd => ({
    reason,
    ...(eogToken !== undefined ? { eogToken } : {}),
    promptTokens: input.prompt.length,
    completionTokens: generated.length,
    cachedTokens,
  });
  if (input.maxTokens <= 0) return end("length");

  const { sampling } = input;
  const tokenBias = sampling.logitBias ? buildTokenBias(model, sampling.logitBias) : undefined;
  const penalize = sampling.frequencyPenalty || sampling.presencePenalty;
  const options = {
    temperature: sampling.temperature,
    topP: sampling.topP,
    ...(sampling.seed !== undefined ? { seed: sampling.seed } : {}),
    ...(input.grammar ? { grammarEvaluationState: input.grammar } : {}),
    ...(tokenBias ? { tokenBias } : {}),
    ...(penalize
      ? {
          repeatPenalty: {
            punishTokens: () => generated,
            penalty: 1,
            frequencyPenalty: sampling.frequencyPenalty ?? 0,
            presencePenalty: sampling.presencePenalty ?? 0,
          },
        }
      : {}),
    yieldEogToken: true,
  };
  const wantLogprobs = input.topLogprobs !== undefined;
  const stream = wantLogprobs
    ? sequence.evaluateWithMetadata(fresh, { probabilities: true }, options)
    : sequence.evaluate(fresh, options);

  let pending: Token[] = [];
  try {
    for await (const item of stream) {
      const token: Token = typeof item === "number" ? item : item.token;
      if (model.isEogToken(token)) return end("eog", token);
      generated.push(token);
      pending.push(token);
      let text = model.detokenize(pending, true);
      // A character split across tokens decodes to U+FFFD until its last byte arrives.
      if (text.endsWith("\uFFFD") && pending.length < 4) text = "";
      else pending = [];
      const piece: GeneratedPiece = { token, text };
      if (wantLogprobs && typeof item !== "number" && "probabilities" in item) {
        piece.logprob = toLogprob(
          model,
          token,
          item.probabilities as Map<Token, number>,
          input.topLogprobs ?? 0,
        );
      }
      yield piece;
      if (input.signal?.aborted) return end("abort");
      if (generated.length >= input.maxTokens) return end("length");
    }
  } finally {
    await stream.return(undefined);
  }
  return end(input.signal?.aborted ? "abort" : "eog");
}

/** Keep the KV cache for the shared prefix and erase the rest; at least one token is re-evaluated. */
async function reusePrefix(sequence: LlamaContextSequence, prompt: Token[]): Promise<number> {
  const cached = sequence.contextTokens;
  let common = 0;
  const limit = Math.min(cached.length, prompt.length - 1);
  while (common < limit && cached[common] === prompt[common]) common++;
  if (common < cached.length) {
    await sequence.eraseContextTokenRanges([{ start: common, end: sequence.nextTokenIndex }]);
  }
  return common;
}

function buildTokenBias(model: LlamaModel, logitBias: Record<string, number>): TokenBias {
  const bias = new TokenBias(model.tokenizer);
  for (const [token, value] of Object.entries(logitBias)) {
    bias.set(Number(token) as Token, value <= -100 ? "never" : { logit: value });
  }
  return bias;
}

function toLogprob(
  model: LlamaModel,
  token: Token,
  probabilities: Map<Token, number>,
  top: number,
): TokenLogprob {
  const entry = (t: Token, p: number) => {
    const text = model.detokenize([t], true);
    return { token: text, logprob: p > 0 ? Math.log(p) : -9999, bytes: [...Buffer.from(text, "utf8")] };
  };
  const alternatives = top > 0 ? topEntries(probabilities, top) : [];
  return {
    ...entry(token, probabilities.get(token) ?? 0),
    top_logprobs: alternatives.map(([t, p]) => entry(t, p)),
  };
}

/** The `k` most probable tokens without sorting the whole vocabulary (128K entries per token). */
function topEntries(probabilities: Map<Token, number>, k: number): [Token, number][] {
  const best: [Token, number][] = [];
  for (const entry of probabilities) {
    if (best.length === k && entry[1] <= best[k - 1]![1]) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]![1] < entry[1]) at--;
    best.splice(at, 0, entry);
    if (best.length > k) best.pop();
  }
  return best;
}
