import type { ChatCompletion, ChatCompletionRequest } from "@llama-stack-ts/api";

/** How the shield calls inference: as the Stack itself (access not enforced), on the caller's behalf. */
export interface GuardInferenceCall {
  access: { principal: string | null; enforced: boolean };
  signal?: AbortSignal | undefined;
  providerData?: Record<string, unknown> | undefined;
}

/** The part of core's inference router the shield uses (`context.api("inference")`). */
export interface InferenceLike {
  chatCompletion(request: ChatCompletionRequest, call: GuardInferenceCall): Promise<ChatCompletion>;
}
