import {
  type ChatCompletion,
  type InferenceProvider,
  InvalidRequestError,
  type Logger,
  type Model,
  NotFoundError,
  ServiceUnavailableError,
  UpstreamError,
} from "@llama-stack-ts/api";
import { accumulateChatStream } from "@llama-stack-ts/provider-kit";
import { getLlama, type Llama } from "node-llama-cpp";
import { assembleCompletion } from "./assemble-completion.ts";
import { type PullState, pullMissingModels } from "./background-pull.ts";
import { chatCompletionStream } from "./chat-completion-stream.ts";
import { completionStream } from "./completion-stream.ts";
import { defaultThreads } from "./default-threads.ts";
import { embed } from "./embed.ts";
import type { LlamaCppConfig } from "./llama-cpp-config.ts";
import { ModelHost } from "./model-host.ts";
import { rank } from "./rank.ts";
import { resolveModelPath } from "./resolve-model-path.ts";

/** node-llama-cpp in-process: GGUF models on CPU or, when present, CUDA/Vulkan/Metal. */
export function createLlamaCppProvider(config: LlamaCppConfig, logger: Logger): InferenceProvider {
  let engine: Promise<Llama> | undefined;
  let threads = config.threads ?? 1;
  const startEngine = () => {
    engine ??= (async () => {
      // build: "never": a missing binary is an error here, never a source build inside a request.
      const llama = await getLlama({
        gpu: config.gpu,
        build: "never",
        ...(config.threads ? { maxThreads: config.threads } : {}),
      });
      threads =
        config.threads ?? (llama.gpu === false ? defaultThreads(llama.cpuMathCores) : llama.cpuMathCores);
      logger.info("llama.cpp engine ready", { gpu: llama.gpu, threads, build: llama.buildType });
      return llama;
    })().catch((cause: unknown) => {
      engine = undefined;
      throw new UpstreamError(`Could not start llama.cpp: ${(cause as Error).message}`, { cause });
    });
    return engine;
  };
  const stopPulls = new AbortController();
  const pulls = config.auto_pull
    ? pullMissingModels(config.models, config.models_dir, logger, stopPulls.signal)
    : new Map<string, PullState>();
  if (!config.auto_pull) void warnAboutMissingModels(config, logger);
  const hosts = new Map(
    config.models.map((m) => [
      m.model_id,
      new ModelHost({
        config: m,
        modelsDir: config.models_dir,
        get threads() {
          return threads;
        },
        maxQueued: config.max_queued_requests,
        engine: startEngine,
        logger,
      }),
    ]),
  );
  const host = (model: Model): ModelHost => {
    const pull = pulls.get(model.provider_resource_id);
    if (pull?.progress !== undefined) {
      throw new ServiceUnavailableError(
        `Model '${model.identifier}' is still downloading (${pull.progress}%). Retry shortly.`,
        { code: "model_downloading", retryable: true, retryAfterSeconds: 10 },
      );
    }
    const found = hosts.get(model.provider_resource_id);
    if (!found) {
      throw new NotFoundError(
        "Model",
        model.identifier,
        "It is not among this provider's configured models.",
      );
    }
    return found;
  };

  return {
    async listModels() {
      return config.models.map((m) => ({
        providerModelId: m.model_id,
        modelType: m.model_type,
        metadata: { source: m.source, ...m.metadata },
      }));
    },
    async chatCompletion(model, request, options): Promise<ChatCompletion> {
      const accumulator = accumulateChatStream();
      for await (const chunk of chatCompletionStream(host(model), { ...request, stream: false }, options)) {
        accumulator.add(chunk);
      }
      const completion = accumulator.result();
      if (!completion) throw new InvalidRequestError("The request was cancelled before the model finished.");
      return completion;
    },
    chatCompletionStream: (model, request, options) => chatCompletionStream(host(model), request, options),
    completion: (model, request, options) =>
      assembleCompletion(completionStream(host(model), request, options)),
    completionStream: (model, request, options) => completionStream(host(model), request, options),
    embeddings: (model, request, options) => embed(host(model), request, options),
    rerank: (model, request, options) => rank(host(model), request, options),
    async health() {
      const llama = await startEngine();
      return { status: "OK", gpu: llama.gpu, threads };
    },
    async shutdown() {
      stopPulls.abort();
      await Promise.allSettled([...hosts.values()].map((h) => h.dispose()));
      const llama = await engine?.catch(() => undefined);
      await llama?.dispose();
    },
  };
}

/** Start-up note for each configured model that is not on disk, with the command that fetches it. */
async function warnAboutMissingModels(config: LlamaCppConfig, logger: Logger): Promise<void> {
  for (const model of config.models) {
    await resolveModelPath(model.model_id, model.source, config.models_dir).catch((error: Error) =>
      logger.warn("model not available", { model: model.model_id, reason: error.message }),
    );
  }
}
