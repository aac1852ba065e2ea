import {
  type ApiCall,
  type CallOptions,
  type ChatCompletion,
  type ChatCompletionChunk,
  type ChatCompletionRequest,
  type ChatModelSource,
  type Completion,
  type CompletionRequest,
  type EmbeddingsRequest,
  type EmbeddingsResponse,
  type InferenceApi,
  type InferenceProvider,
  InvalidRequestError,
  type Model,
  type ModelType,
  type RerankRequest,
  type RerankResult,
  ServiceUnavailableError,
} from "@llama-stack-ts/api";
import { accumulateChatStream } from "@llama-stack-ts/provider-kit";
import type { AccessContext } from "../../auth/access-context.ts";
import type { ModelsTable } from "../../resource-tables/models-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import type { ChatCompletionStore } from "./chat-completion-store.ts";
import { validateTools } from "./validate-tools.ts";

const ROUTE_FOR: Record<ModelType, string> = {
  llm: "/v1/chat/completions or /v1/completions",
  embedding: "/v1/embeddings",
  rerank: "/v1alpha/inference/rerank",
};

/**
 * Inference for every caller (HTTP routes, agents, shields): resolve the model in the routing
 * table, check it can do the job, call its provider, and record chat completions.
 */
export class InferenceRouter implements InferenceApi {
  constructor(
    private readonly models: ModelsTable,
    private readonly providers: ProviderSet,
    /** Stored chat completions (`GET /v1/chat/completions`). */
    readonly storedCompletions: ChatCompletionStore,
  ) {}

  private readonly sources: ChatModelSource[] = [];

  /** Chat models a layer above core serves (agents as models), asked before the routing table. */
  addChatModelSource(source: ChatModelSource): void {
    this.sources.push(source);
  }

  /** The sources' models the caller may use (`GET /v1/models` lists them beside the table's). */
  async sourceModels(call: ApiCall): Promise<{ model: Model; created: number }[]> {
    return (await Promise.all(this.sources.map((source) => source.list(call)))).flat();
  }

  /** The source serving a model id, if one does. */
  async findSourceModel(
    modelId: string,
    call: ApiCall,
  ): Promise<{ source: ChatModelSource; model: Model } | null> {
    for (const source of this.sources) {
      const model = await source.find(modelId, call);
      if (model) return { source, model };
    }
    return null;
  }

  async chatCompletion(request: ChatCompletionRequest, call: ApiCall): Promise<ChatCompletion> {
    validateTools(request);
    const sourced = await this.findSourceModel(request.model, call);
    const answer = sourced
      ? sourced.source.chatCompletion(sourced.model, request, call)
      : this.route(request.model, "llm", call.access).then(({ model, provider }) =>
          provider.chatCompletion(model, request, this.options(call)),
        );
    const completion = { ...(await answer), model: request.model };
    if (request.store !== false) await this.storedCompletions.save(completion, request.messages, call.access);
    return completion;
  }

  /** Chunks as the provider makes them; the assembled completion is stored when the stream ends. */
  async chatCompletionStream(
    request: ChatCompletionRequest,
    call: ApiCall,
  ): Promise<AsyncIterable<ChatCompletionChunk>> {
    validateTools(request);
    const sourced = await this.findSourceModel(request.model, call);
    const source = sourced
      ? await sourced.source.chatCompletionStream(sourced.model, request, call)
      : await this.route(request.model, "llm", call.access).then(({ model, provider }) =>
          provider.chatCompletionStream(model, request, this.options(call)),
        );
    const store = this.storedCompletions;
    return (async function* () {
      const accumulator = accumulateChatStream();
      for await (const chunk of source) {
        const renamed = { ...chunk, model: request.model };
        accumulator.add(renamed);
        yield renamed;
      }
      const completion = accumulator.result();
      if (completion && request.store !== false) await store.save(completion, request.messages, call.access);
    })();
  }

  async completion(request: CompletionRequest, call: ApiCall): Promise<Completion> {
    const { model, provider } = await this.route(request.model, "llm", call.access);
    return { ...(await provider.completion(model, request, this.options(call))), model: request.model };
  }

  async completionStream(request: CompletionRequest, call: ApiCall): Promise<AsyncIterable<Completion>> {
    const { model, provider } = await this.route(request.model, "llm", call.access);
    const source = provider.completionStream(model, request, this.options(call));
    return (async function* () {
      for await (const chunk of source) yield { ...chunk, model: request.model };
    })();
  }

  async embeddings(request: EmbeddingsRequest, call: ApiCall): Promise<EmbeddingsResponse> {
    const { model, provider } = await this.route(request.model, "embedding", call.access);
    return { ...(await provider.embeddings(model, request, this.options(call))), model: request.model };
  }

  async rerank(request: RerankRequest, call: ApiCall): Promise<RerankResult[]> {
    const { model, provider } = await this.route(request.model, "rerank", call.access);
    if (typeof provider.rerank !== "function") {
      throw new InvalidRequestError(`Model '${request.model}' cannot rank: its provider has no reranking.`, {
        param: "model",
      });
    }
    return provider.rerank(model, request, this.options(call));
  }

  /** The model and its provider, or a 404/400 that says what to do instead. */
  async route(
    modelId: string,
    needs: ModelType,
    access: AccessContext,
  ): Promise<{ model: Model; provider: InferenceProvider }> {
    const model = await this.models.resolve(modelId, access);
    // A reranker may also be served by an LLM provider that can rank; only llm/embedding are strict.
    if (model.model_type !== needs && !(needs === "rerank" && model.model_type === "llm")) {
      throw new InvalidRequestError(
        `Model '${modelId}' is a${model.model_type === "embedding" ? "n" : ""} ${model.model_type} model; use ${ROUTE_FOR[model.model_type]}.`,
        { param: "model" },
      );
    }
    const provider = this.providers.instance<InferenceProvider>("inference", model.provider_id);
    if (!provider) {
      throw new ServiceUnavailableError(
        `Model '${modelId}' belongs to inference provider '${model.provider_id}', which is not configured.`,
      );
    }
    return { model, provider };
  }

  private options(call: ApiCall): CallOptions {
    return {
      ...(call.signal ? { signal: call.signal } : {}),
      principal: call.access.principal,
      ...(call.providerData ? { providerData: call.providerData } : {}),
    };
  }
}
