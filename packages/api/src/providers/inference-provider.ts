import type { ChatCompletion, ChatCompletionChunk } from "../inference/chat-completion.ts";
import type { ChatCompletionRequest } from "../inference/chat-completion-request.ts";
import type { Completion, CompletionRequest } from "../inference/completion.ts";
import type { EmbeddingsRequest, EmbeddingsResponse } from "../inference/embeddings.ts";
import type { RerankRequest, RerankResult } from "../inference/rerank.ts";
import type { Model, ModelType } from "../models/model.ts";
import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

/** A model a provider reports in discovery (`listModels`). */
export interface ProviderModel {
  providerModelId: string;
  modelType: ModelType;
  /** e.g. `{embedding_dimension: 384, context_length: 131072}`. */
  metadata?: Record<string, unknown>;
}

/**
 * Inference behind `/v1/chat/completions`, `/v1/completions`, `/v1/embeddings` and rerank.
 * Requests are the validated OpenAI wire shapes; `model` is the resolved routing-table entry
 * (use `model.provider_resource_id`). Results use the request's model id in `model`.
 * Streams end by returning; errors are thrown as `StackError`s.
 */
export interface InferenceProvider extends ProviderInstance {
  listModels?(): Promise<ProviderModel[]>;
  chatCompletion(model: Model, request: ChatCompletionRequest, options: CallOptions): Promise<ChatCompletion>;
  chatCompletionStream(
    model: Model,
    request: ChatCompletionRequest,
    options: CallOptions,
  ): AsyncIterable<ChatCompletionChunk>;
  completion(model: Model, request: CompletionRequest, options: CallOptions): Promise<Completion>;
  completionStream(model: Model, request: CompletionRequest, options: CallOptions): AsyncIterable<Completion>;
  embeddings(model: Model, request: EmbeddingsRequest, options: CallOptions): Promise<EmbeddingsResponse>;
  rerank?(model: Model, request: RerankRequest, options: CallOptions): Promise<RerankResult[]>;
}
