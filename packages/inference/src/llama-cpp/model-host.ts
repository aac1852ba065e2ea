import { totalmem } from "node:os";
import { InvalidRequestError, type Logger } from "@llama-stack-ts/api";
import {
  type Llama,
  type LlamaContext,
  type LlamaEmbeddingContext,
  type LlamaModel,
  type LlamaRankingContext,
  readGgufFileInfo,
} from "node-llama-cpp";
import { detectLlamaFamily, type LlamaFamily } from "../prompt-formats/index.ts";
import { defaultParallel } from "./default-parallel.ts";
import { kvCacheBytesPerToken } from "./kv-cache-bytes-per-token.ts";
import type { LlamaCppModelConfig } from "./llama-cpp-config.ts";
import { resolveModelPath } from "./resolve-model-path.ts";
import { SequencePool } from "./sequence-pool.ts";

export interface LoadedModel {
  llama: Llama;
  model: LlamaModel;
  /** LLMs: one context whose sequences serve concurrent requests. */
  context?: LlamaContext;
  pool?: SequencePool;
  embedding?: LlamaEmbeddingContext;
  ranking?: LlamaRankingContext;
  /** Llama prompt family, or null to use the GGUF's own chat template. */
  family: LlamaFamily | null;
  contextSize: number;
  name: string;
}

export interface ModelHostOptions {
  config: LlamaCppModelConfig;
  modelsDir: string;
  threads: number;
  maxQueued: number;
  engine: () => Promise<Llama>;
  logger: Logger;
}

const DEFAULT_CONTEXT_CAP = 8192;

/** One configured model: located and loaded on first use, kept loaded, disposed on shutdown. */
export class ModelHost {
  private loading: Promise<LoadedModel> | undefined;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: ModelHostOptions) {}

  get config(): LlamaCppModelConfig {
    return this.options.config;
  }

  /** The loaded model; concurrent first callers share one load. A failed load is retried next time. */
  ready(): Promise<LoadedModel> {
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  /** Run `task` after every earlier one finished (embedding and ranking contexts take one input at a time). */
  exclusive<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  async path(): Promise<string> {
    const { config, modelsDir } = this.options;
    return resolveModelPath(config.model_id, config.source, modelsDir);
  }

  async dispose(): Promise<void> {
    const loaded = await this.loading?.catch(() => undefined);
    this.loading = undefined;
    if (!loaded) return;
    await loaded.context?.dispose();
    await loaded.embedding?.dispose();
    await loaded.ranking?.dispose();
    await loaded.model.dispose();
  }

  private async load(): Promise<LoadedModel> {
    const { config, threads, logger } = this.options;
    const path = await this.path();
    // A malformed GGUF can abort the process inside llama.cpp; read and check the header first.
    const info = await readGgufFileInfo(path, { readTensorInfo: false }).catch((cause: unknown) => {
      throw new InvalidRequestError(`Model '${config.model_id}': ${path} is not a readable GGUF file.`, {
        cause,
      });
    });
    const arch = info.metadata.general?.architecture;
    if (!arch)
      throw new InvalidRequestError(`Model '${config.model_id}': ${path} has no general.architecture.`);
    const llama = await this.options.engine();
    const started = performance.now();
    const model = await llama.loadModel({
      modelPath: path,
      gpuLayers: llama.gpu === false ? 0 : config.gpu_layers,
      ...(config.flash_attention != null ? { defaultContextFlashAttention: config.flash_attention } : {}),
    });
    const name = String(info.metadata.general?.name ?? config.model_id);
    const family =
      config.chat_format === "template"
        ? null
        : config.chat_format === "auto"
          ? (detectLlamaFamily(name) ?? detectLlamaFamily(config.source))
          : config.chat_format;
    if (config.context_size && config.context_size > model.trainContextSize) {
      logger.warn("context_size is above the model's training context; using the training context", {
        model: config.model_id,
        context_size: config.context_size,
        train_context: model.trainContextSize,
      });
    }
    const contextSize = Math.min(config.context_size ?? DEFAULT_CONTEXT_CAP, model.trainContextSize);
    const loaded: LoadedModel = { llama, model, family, contextSize, name };
    if (config.model_type === "embedding") {
      loaded.embedding = await model.createEmbeddingContext({ contextSize, threads });
    } else {
      const kvPerToken = kvCacheBytesPerToken(info.metadata, config.kv_cache_type ?? "F16");
      const parallel =
        config.parallel ??
        defaultParallel({
          gpu: llama.gpu !== false,
          kvCacheBytesPerSequence: kvPerToken === undefined ? undefined : kvPerToken * contextSize,
          memoryBytes: totalmem(),
        });
      let pool: SequencePool | undefined;
      loaded.context = await model.createContext({
        contextSize,
        sequences: parallel,
        threads,
        // A lone generation's token is decoded at once, as on a one-sequence context; while several
        // run, each step waits one event-loop turn so that their tokens share a batch.
        batching: {
          dispatchSchedule: (dispatch) => ((pool?.busy ?? 0) > 1 ? setImmediate(dispatch) : dispatch()),
        },
        ...(config.flash_attention != null ? { flashAttention: config.flash_attention } : {}),
        ...(config.kv_cache_type
          ? {
              experimentalKvCacheKeyType: config.kv_cache_type,
              experimentalKvCacheValueType: config.kv_cache_type,
            }
          : {}),
      });
      pool = new SequencePool(loaded.context, this.options.maxQueued);
      loaded.pool = pool;
    }
    logger.info("model loaded", {
      model: config.model_id,
      path,
      family: family ?? "template",
      context_size: contextSize,
      gpu: llama.gpu,
      threads,
      ...(loaded.pool ? { sequences: loaded.context?.totalSequences } : {}),
      ms: Math.round(performance.now() - started),
    });
    return loaded;
  }
}
