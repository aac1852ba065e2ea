import type { ModelType } from "../models/model.ts";
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
 * Requests and results are the OpenAI wire shapes (validated at the edge by the server);
 * `model` has already been resolved to the provider's own model id.
 */
export interface InferenceProvider extends ProviderInstance {
  listModels?(): Promise<ProviderModel[]>;
  chatCompletion(request: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  chatCompletionStream(
    request: Record<string, unknown>,
    options: CallOptions,
  ): AsyncIterable<Record<string, unknown>>;
  completion(request: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  completionStream(
    request: Record<string, unknown>,
    options: CallOptions,
  ): AsyncIterable<Record<string, unknown>>;
  embeddings(request: Record<string, unknown>, options: CallOptions): Promise<Record<string, unknown>>;
  rerank?(
    request: { model: string; query: string; items: string[]; max_num_results?: number },
    options: CallOptions,
  ): Promise<{ index: number; relevance_score: number }[]>;
}
