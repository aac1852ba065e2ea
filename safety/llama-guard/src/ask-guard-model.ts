import {
  type CallOptions,
  type ChatCompletionRequest,
  type InferenceApi,
  UpstreamError,
} from "@llama-stack-ts/api";
import { guardChatMessages } from "./build-guard-prompt.ts";
import type { CategoryCode } from "./categories.ts";
import type { LlamaGuardConfig } from "./llama-guard-config.ts";
import { unsafeProbability } from "./unsafe-probability.ts";
import { verdictGrammar } from "./verdict-grammar.ts";

/** The one inference call the shield makes (`context.api("inference")` provides it). */
export type GuardInference = Pick<InferenceApi, "chatCompletion">;

export interface GuardAnswer {
  /** The model's answer as generated. */
  text: string;
  /** P(unsafe) from the first verdict token, when `score` is on and the engine sent logprobs. */
  unsafeProbability?: number;
}

export interface AskGuardModelOptions {
  inference: GuardInference;
  /** The guard model (the shield's `provider_resource_id`). */
  model: string;
  prompt: string;
  /** The codes listed in the prompt; the grammar admits only these. */
  categories: readonly CategoryCode[];
  config: Pick<LlamaGuardConfig, "constrain_output" | "score" | "max_tokens">;
  call: CallOptions;
}

/**
 * One greedy, unstored chat completion of the guard prompt. The shield acts as the Stack, so access
 * is not enforced (a caller may use a shield whose model it could not call itself).
 */
export async function askGuardModel(options: AskGuardModelOptions): Promise<GuardAnswer> {
  const { inference, model, prompt, categories, config, call } = options;
  const request: ChatCompletionRequest = {
    model,
    messages: guardChatMessages(prompt),
    stream: false,
    store: false,
    temperature: 0,
    max_tokens: config.max_tokens,
    ...(config.constrain_output ? { grammar: verdictGrammar(categories) } : {}),
    ...(config.score ? { logprobs: true, top_logprobs: 5 } : {}),
  };
  const completion = await inference.chatCompletion(request, {
    access: { principal: call.principal ?? null, enforced: false },
    signal: call.signal,
    providerData: call.providerData,
  });
  const choice = completion.choices[0];
  const text = choice?.message.content;
  if (typeof text !== "string") {
    throw new UpstreamError(`Llama Guard model '${model}' returned no text answer.`, {
      code: "invalid_guard_verdict",
    });
  }
  const probability = config.score ? firstVerdictProbability(choice?.logprobs?.content ?? []) : undefined;
  return probability === undefined ? { text } : { text, unsafeProbability: probability };
}

/** P(unsafe) at the first generated token that is a verdict candidate (the 1B may start with "\n\n"). */
function firstVerdictProbability(
  tokens: readonly { token: string; logprob: number; top_logprobs: { token: string; logprob: number }[] }[],
): number | undefined {
  for (const entry of tokens) {
    const candidates = entry.top_logprobs.length > 0 ? entry.top_logprobs : [entry];
    const probability = unsafeProbability(candidates);
    if (probability !== undefined) return probability;
    if (entry.token.trim() !== "") return undefined;
  }
  return undefined;
}
