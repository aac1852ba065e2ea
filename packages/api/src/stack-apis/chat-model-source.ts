import type { ChatCompletion, ChatCompletionChunk } from "../inference/chat-completion.ts";
import type { ChatCompletionRequest } from "../inference/chat-completion-request.ts";
import type { Model } from "../models/model.ts";
import type { ApiCall } from "./api-call.ts";

/**
 * Chat models served by a layer above core (agents as models: `agent/<name>`), which core's
 * inference router consults before its routing table. Core cannot import those layers, so they
 * register a source at start-up instead.
 */
export interface ChatModelSource {
  /** The models this source serves to the caller, with when each was created (Unix seconds). */
  list(call: ApiCall): Promise<{ model: Model; created: number }[]>;
  /** The model behind an id, or null when this source does not serve it. */
  find(modelId: string, call: ApiCall): Promise<Model | null>;
  chatCompletion(model: Model, request: ChatCompletionRequest, call: ApiCall): Promise<ChatCompletion>;
  chatCompletionStream(
    model: Model,
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ChatCompletionChunk>>;
}
