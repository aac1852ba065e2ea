import {
  type CallOptions,
  type Completion,
  type CompletionRequest,
  InvalidRequestError,
  newId,
  type Usage,
} from "@llama-stack-ts/api";
import type { Token } from "node-llama-cpp";
import { checkLogitBias } from "./check-logit-bias.ts";
import { checkTokenIds } from "./check-token-ids.ts";
import { decodeTokens } from "./decode-tokens.ts";
import { generateTokens } from "./generate-tokens.ts";
import type { ModelHost } from "./model-host.ts";
import { samplingFrom } from "./sampling-from.ts";
import { StopMatcher } from "./stop-matcher.ts";
import { vocabularySize } from "./vocabulary-size.ts";

/**
 * `/v1/completions` on raw prompts: special-token text in a prompt is honoured, as upstream does.
 * A batch of prompts is answered one after another on one sequence, one choice per prompt with
 * its `index`; usage, summed over the prompts, comes with the last chunk.
 */
export async function* completionStream(
  host: ModelHost,
  request: CompletionRequest,
  options: CallOptions,
): AsyncGenerator<Completion> {
  if ((request.n ?? 1) > 1 || (request.best_of ?? 1) > 1) {
    throw new InvalidRequestError("n and best_of > 1 are not supported by inline::llama-cpp.", {
      param: "n",
    });
  }
  if (request.logprobs || request.suffix) {
    throw new InvalidRequestError(
      "logprobs and suffix are not supported on /v1/completions by inline::llama-cpp; use /v1/chat/completions for logprobs.",
      {
        param: request.logprobs ? "logprobs" : "suffix",
      },
    );
  }
  const loaded = await host.ready();
  const { model, pool, contextSize } = loaded;
  if (!pool)
    throw new InvalidRequestError(`Model '${request.model}' is not a text model.`, { param: "model" });
  const requested = request.max_tokens ?? 16; // OpenAI's default for this route
  const { bos, shouldPrependBosToken } = model.tokens;
  const batch = promptBatch(request.prompt);
  checkLogitBias(request.logit_bias, vocabularySize(model));
  // Every prompt is checked before any is answered, so a batch fails whole or not at all.
  const prompts = batch.map((prompt, index) => {
    const param = batch.length > 1 ? `prompt[${index}]` : "prompt";
    if (typeof prompt !== "string") checkTokenIds(prompt, vocabularySize(model), param);
    let tokens: Token[] =
      typeof prompt === "string" ? model.tokenize(prompt, true) : prompt.map((t) => t as Token);
    if (shouldPrependBosToken && bos !== null && tokens[0] !== bos) tokens = [bos, ...tokens];
    // A model without a BOS token has nothing to start from on an empty prompt.
    if (tokens.length === 0) throw new InvalidRequestError(`${param} is empty.`, { param });
    const room = contextSize - tokens.length;
    if (room <= 0 || requested > room) {
      throw new InvalidRequestError(
        `This model's context is ${contextSize} tokens; the prompt${batch.length > 1 ? ` at index ${index}` : ""} takes ${tokens.length} and max_tokens asks for ${requested} more.`,
        { param, code: "context_length_exceeded" },
      );
    }
    return { text: typeof prompt === "string" ? prompt : null, tokens };
  });
  const id = newId("completion");
  const created = Math.floor(Date.now() / 1000);
  const piece = (
    index: number,
    textOut: string,
    finish: Completion["choices"][number]["finish_reason"] = null,
  ): Completion => ({
    id,
    object: "text_completion",
    created,
    model: request.model,
    choices: [{ index, text: textOut, finish_reason: finish }],
  });
  const usage: Usage = { prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 };
  const sequence = await pool.acquire(options.signal, prompts[0]?.tokens);
  try {
    for (const [index, prompt] of prompts.entries()) {
      if (request.echo && prompt.text) yield piece(index, prompt.text);
      const stops = new StopMatcher(typeof request.stop === "string" ? [request.stop] : (request.stop ?? []));
      const generation = generateTokens(model, sequence, {
        prompt: prompt.tokens,
        maxTokens: requested,
        sampling: samplingFrom(request),
        signal: options.signal,
      });
      const decoding = decodeTokens(generation, { stops });
      let step = await decoding.next();
      try {
        while (!step.done) {
          yield piece(index, step.value.text);
          step = await decoding.next();
        }
      } finally {
        if (!step.done) await decoding.return(undefined as never);
      }
      const { end, generated, stoppedByString } = step.value;
      if (end?.reason === "abort") return;
      usage.prompt_tokens += end?.promptTokens ?? prompt.tokens.length;
      usage.completion_tokens += end?.completionTokens ?? generated;
      usage.total_tokens = usage.prompt_tokens + usage.completion_tokens;
      const last = piece(
        index,
        stoppedByString ? "" : stops.flush(),
        end?.reason === "length" ? "length" : "stop",
      );
      if (index === prompts.length - 1) last.usage = usage;
      yield last;
    }
  } finally {
    pool.release(sequence);
  }
}

/** The prompts of a request: one string or token list, or a batch of either. */
function promptBatch(prompt: CompletionRequest["prompt"]): (string | number[])[] {
  if (typeof prompt === "string") return [prompt];
  if (prompt.every((p) => typeof p === "number")) return [prompt as number[]];
  return prompt as (string | number[])[];
}
