import type {
  CallOptions,
  ChatCompletion,
  ChatCompletionChunk,
  Completion,
  EmbeddingsResponse,
  InferenceProvider,
  Model,
  ProviderModel,
  RerankResult,
} from "@llama-stack-ts/api";
import { request } from "./http-client.ts";
import type { OpenAICompatibleConfig } from "./openai-compatible-config.ts";
import { parseSse } from "./parse-sse.ts";
import { upstreamError } from "./upstream-error.ts";

/**
 * Any engine that speaks the OpenAI HTTP API (vLLM, Ollama, TGI, llama.cpp server, hosted
 * endpoints): requests pass through with the engine's own model id; streams are relayed chunk by
 * chunk. `X-LlamaStack-Provider-Data: {"<provider_type>_api_key" | "api_key": …}` overrides the key.
 */
export function createOpenAICompatibleProvider(
  config: OpenAICompatibleConfig,
  engine: string,
  keyField: string,
): InferenceProvider {
  const client = {
    baseUrl: config.base_url,
    apiKey: config.api_key,
    headers: config.headers,
    timeoutMs: config.timeout_seconds * 1000,
    maxRetries: config.max_retries,
    engine,
  };
  const keyFor = (options: CallOptions): string | undefined => {
    const data = options.providerData;
    const value = data?.[keyField] ?? data?.api_key;
    return typeof value === "string" ? value : undefined;
  };
  const post = (path: string, model: Model, body: Record<string, unknown>, options: CallOptions) =>
    request(client, path, {
      method: "POST",
      body: { ...body, model: model.provider_resource_id },
      signal: options.signal,
      apiKey: keyFor(options),
      model: model.identifier,
    });

  async function* relay<T>(response: Response, model: Model): AsyncGenerator<T> {
    if (!response.body) return;
    for await (const event of parseSse(response.body)) {
      const error = (event as { error?: { message?: string; code?: string | number } }).error;
      if (error)
        throw upstreamError(Number(error.code) || 502, JSON.stringify({ error }), engine, model.identifier);
      yield event as T;
    }
  }

  return {
    async listModels(): Promise<ProviderModel[]> {
      const configured = new Map(config.models.map((m) => [m.model_id, m]));
      const discovered: string[] = [];
      if (config.discover_models) {
        const response = await request(client, "/models", { method: "GET" });
        const body = (await response.json()) as { data?: { id: string }[]; models?: { name: string }[] };
        discovered.push(...(body.data?.map((m) => m.id) ?? body.models?.map((m) => m.name) ?? []));
      }
      const ids = [...new Set([...configured.keys(), ...discovered])];
      return ids.map((id) => {
        const entry = configured.get(id);
        return {
          providerModelId: id,
          modelType: entry?.model_type ?? "llm",
          metadata: entry?.metadata ?? {},
        };
      });
    },
    async chatCompletion(model, body, options) {
      const response = await post("/chat/completions", model, { ...body, stream: false }, options);
      return (await response.json()) as ChatCompletion;
    },
    async *chatCompletionStream(model, body, options) {
      const response = await post("/chat/completions", model, { ...body, stream: true }, options);
      yield* relay<ChatCompletionChunk>(response, model);
    },
    async completion(model, body, options) {
      const response = await post("/completions", model, { ...body, stream: false }, options);
      return (await response.json()) as Completion;
    },
    async *completionStream(model, body, options) {
      const response = await post("/completions", model, { ...body, stream: true }, options);
      yield* relay<Completion>(response, model);
    },
    async embeddings(model, { truncate: _truncate, ...body }, options) {
      // `truncate` is ours; engines name it differently or not at all, so it is not forwarded.
      const response = await post("/embeddings", model, body, options);
      return (await response.json()) as EmbeddingsResponse;
    },
    async rerank(model, body, options): Promise<RerankResult[]> {
      // vLLM, TGI and llama.cpp server expose Jina/Cohere-style /rerank beside /v1.
      const response = await post(
        "/rerank",
        model,
        { query: body.query, documents: body.items, top_n: body.max_num_results ?? undefined },
        options,
      );
      const parsed = (await response.json()) as {
        results?: { index: number; relevance_score: number }[];
        data?: RerankResult[];
      };
      return parsed.results ?? parsed.data ?? [];
    },
    async health() {
      try {
        await request(client, "/models", { method: "GET" });
        return { status: "OK" };
      } catch (error) {
        return { status: "Error", message: (error as Error).message };
      }
    },
  };
}
