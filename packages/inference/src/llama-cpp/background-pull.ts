import type { Logger } from "@llama-stack-ts/api";
import { createModelDownloader } from "node-llama-cpp";
import type { LlamaCppModelConfig } from "./llama-cpp-config.ts";
import { isRemoteSource, resolveModelPath } from "./resolve-model-path.ts";

export interface PullState {
  /** Percent done while a pull runs; the model answers 503 with it until the file is complete. */
  progress?: number;
  error?: string;
}

/**
 * `auto_pull`: fetch configured Hugging Face models that are not on disk yet, one at a time, in
 * the background, logging progress every 10%. Start-up never waits for it, and offline it only
 * logs a warning; requests for a model still missing say how to get it.
 */
export function pullMissingModels(
  models: readonly LlamaCppModelConfig[],
  modelsDir: string,
  logger: Logger,
  signal: AbortSignal,
): Map<string, PullState> {
  const states = new Map<string, PullState>();
  const run = async () => {
    for (const model of models) {
      if (signal.aborted || !isRemoteSource(model.source)) continue;
      const present = await resolveModelPath(model.model_id, model.source, modelsDir).then(
        () => true,
        () => false,
      );
      if (present) continue;
      const state: PullState = { progress: 0 };
      states.set(model.model_id, state);
      let logged = -10;
      try {
        const downloader = await createModelDownloader({
          modelUri: model.source,
          dirPath: modelsDir,
          showCliProgress: false,
          skipExisting: true,
          deleteTempFileOnCancel: false,
          onProgress: ({ totalSize, downloadedSize }) => {
            state.progress = totalSize > 0 ? Math.floor((downloadedSize / totalSize) * 100) : 0;
            if (state.progress >= logged + 10) {
              logged = state.progress - (state.progress % 10);
              logger.info("pulling model", {
                model: model.model_id,
                source: model.source,
                percent: state.progress,
                mb: Math.round(downloadedSize / 1e6),
              });
            }
          },
        });
        await downloader.download({ signal });
        states.delete(model.model_id);
        logger.info("model pulled", { model: model.model_id, path: downloader.entrypointFilePath });
      } catch (error) {
        state.error = (error as Error).message;
        delete state.progress;
        logger.warn("could not pull model; it stays unavailable until pulled", {
          model: model.model_id,
          error: state.error,
          fix: `llama-stack-ts models pull ${model.source}`,
        });
      }
    }
  };
  void run();
  return states;
}
