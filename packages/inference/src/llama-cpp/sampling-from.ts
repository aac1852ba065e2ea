import type { ChatCompletionRequest, CompletionRequest } from "@llama-stack-ts/api";
import type { Sampling } from "./generate-tokens.ts";

/** OpenAI sampling fields → engine settings, with OpenAI's defaults (temperature 1, top_p 1). */
export function samplingFrom(request: ChatCompletionRequest | CompletionRequest): Sampling {
  return {
    temperature: request.temperature ?? 1,
    topP: request.top_p ?? 1,
    seed: request.seed ?? undefined,
    frequencyPenalty: request.frequency_penalty ?? undefined,
    presencePenalty: request.presence_penalty ?? undefined,
    logitBias: request.logit_bias ?? undefined,
  };
}
