import type { ChatCompletion, ChatCompletionChunk } from "../inference/chat-completion.ts";
import type { ChatCompletionRequest } from "../inference/chat-completion-request.ts";
import type { Completion, CompletionRequest } from "../inference/completion.ts";
import type { EmbeddingsRequest, EmbeddingsResponse } from "../inference/embeddings.ts";
import type { RerankRequest, RerankResult } from "../inference/rerank.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * Inference as the Stack offers it to its own parts (`context.api("inference")`): `model` is a
 * routing-table id, resolved and owner-checked for `call.access`; chat completions are stored
 * unless `store: false`.
 */
export interface InferenceApi {
  chatCompletion(request: ChatCompletionRequest, call: ApiCall): Promise<ChatCompletion>;
  chatCompletionStream(
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ChatCompletionChunk>>;
  completion(request: CompletionRequest, call: ApiCall): Promise<Completion>;
  completionStream(request: CompletionRequest, call: ApiCall): Promise<AsyncIterable<Completion>>;
  embeddings(request: EmbeddingsRequest, call: ApiCall): Promise<EmbeddingsResponse>;
  rerank(request: RerankRequest, call: ApiCall): Promise<RerankResult[]>;
}
