import type { InferenceProvider, Logger } from "@llama-stack-ts/api";
import { lazyInstance } from "@llama-stack-ts/provider-kit";
import type { LlamaCppConfig } from "./llama-cpp-config.ts";

// node-llama-cpp takes about half a second to import; start-up should not wait for it.
const WARM_UP_DELAY_MS = 250;

/**
 * The provider without node-llama-cpp loaded: model listing answers from config at once, and the
 * engine code is imported on first use, or shortly after start-up in the background (which also
 * starts `auto_pull` downloads and the missing-model warnings).
 */
export function createLazyLlamaCppProvider(config: LlamaCppConfig, logger: Logger): InferenceProvider {
  const engine = lazyInstance(
    () => import("./llama-cpp-provider.ts").then((m) => m.createLlamaCppProvider(config, logger)),
    { logger, name: "llama.cpp provider", warmUpAfterMs: WARM_UP_DELAY_MS },
  );
  const load = engine.get;

  return {
    async listModels() {
      return config.models.map((m) => ({
        providerModelId: m.model_id,
        modelType: m.model_type,
        metadata: { source: m.source, ...m.metadata },
      }));
    },
    chatCompletion: async (model, request, options) => (await load()).chatCompletion(model, request, options),
    async *chatCompletionStream(model, request, options) {
      yield* (await load()).chatCompletionStream(model, request, options);
    },
    completion: async (model, request, options) => (await load()).completion(model, request, options),
    async *completionStream(model, request, options) {
      yield* (await load()).completionStream(model, request, options);
    },
    embeddings: async (model, request, options) => (await load()).embeddings(model, request, options),
    rerank: async (model, request, options) => {
      const provider = await load();
      return provider.rerank!(model, request, options);
    },
    health: async () => (await load()).health!(),
    shutdown: () => engine.shutdown(),
  };
}
