import {
  type CallOptions,
  type Completion,
  type CompletionRequest,
  InvalidRequestError,
  newId,
} from "@llama-stack-ts/api";
import type { Token } from "node-llama-cpp";
import { generateTokens } from "./generate-tokens.ts";
import type { ModelHost } from "./model-host.ts";
import { samplingFrom } from "./sampling-from.ts";
import { StopMatcher } from "./stop-matcher.ts";

/** `/v1/completions` on a raw prompt: special-token text in the prompt is honoured, as upstream does. */
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
  const prompt = singlePrompt(request.prompt);
  const loaded = await host.ready();
  const { model, pool, contextSize } = loaded;
  if (!pool)
    throw new InvalidRequestError(`Model '${request.model}' is not a text model.`, { param: "model" });
  const text = typeof prompt === "string" ? prompt : null;
  let tokens: Token[] =
    typeof prompt === "string" ? model.tokenize(prompt, true) : prompt.map((t) => t as Token);
  const { bos, shouldPrependBosToken } = model.tokens;
  if (shouldPrependBosToken && bos !== null && tokens[0] !== bos) tokens = [bos, ...tokens];
  const room = contextSize - tokens.length;
  const requested = request.max_tokens ?? 16; // OpenAI's default for this route
  if (room <= 0 || requested > room) {
    throw new InvalidRequestError(
      `This model's context is ${contextSize} tokens; the prompt takes ${tokens.length} and max_tokens asks for ${requested} more.`,
      { param: "prompt", code: "context_length_exceeded" },
    );
  }
  const id = newId("completion");
  const created = Math.floor(Date.now() / 1000);
  const piece = (
    textOut: string,
    finish: Completion["choices"][number]["finish_reason"] = null,
  ): Completion => ({
    id,
    object: "text_completion",
    created,
    model: request.model,
    choices: [{ index: 0, text: textOut, finish_reason: finish }],
  });
  const sequence = await pool.acquire(options.signal);
  try {
    if (request.echo && text) yield piece(text);
    const stops = new StopMatcher(typeof request.stop === "string" ? [request.stop] : (request.stop ?? []));
    const generation = generateTokens(model, sequence, {
      prompt: tokens,
      maxTokens: requested,
      sampling: samplingFrom(request),
      signal: options.signal,
    });
    let generated = 0;
    let step = await generation.next();
    while (!step.done) {
      generated++;
      const out = stops.push(step.value.text);
      if (out) yield piece(out);
      if (stops.stopped) break;
      step = await generation.next();
    }
    if (!step.done) await generation.return(undefined as never);
    const end = step.done ? step.value : undefined;
    if (end?.reason === "abort") return;
    const tail = stops.stopped ? "" : stops.flush();
    const last = piece(tail, end?.reason === "length" ? "length" : "stop");
    last.usage = {
      prompt_tokens: end?.promptTokens ?? tokens.length,
      completion_tokens: end?.completionTokens ?? generated,
      total_tokens: (end?.promptTokens ?? tokens.length) + (end?.completionTokens ?? generated),
    };
    yield last;
  } finally {
    pool.release(sequence);
  }
}

/** One prompt: a string or a token list (the route also accepts batches, which this engine does not). */
function singlePrompt(prompt: CompletionRequest["prompt"]): string | number[] {
  if (typeof prompt === "string") return prompt;
  if (prompt.every((p) => typeof p === "number")) return prompt as number[];
  if (prompt.length === 1) return prompt[0] as string | number[];
  throw new InvalidRequestError("Send one prompt per request to inline::llama-cpp.", { param: "prompt" });
}
