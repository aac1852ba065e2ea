import { existsSync } from "node:fs";
import { isAbsolute, resolve } from "node:path";
import { InvalidRequestError } from "@llama-stack-ts/api";
import type { LlamaCppConfig } from "./llama-cpp-config.ts";
import { isRemoteSource } from "./resolve-model-path.ts";

/**
 * A configured local GGUF that is not there is a mistake in the run config: nothing will fetch
 * it, so start-up stops and names it. Missing `hf:`/https models are left to `models pull`.
 */
export function assertLocalModelsExist(config: LlamaCppConfig): void {
  for (const model of config.models) {
    if (isRemoteSource(model.source)) continue;
    const path = isAbsolute(model.source) ? model.source : resolve(config.models_dir, model.source);
    if (!existsSync(path)) {
      throw new InvalidRequestError(
        `Model '${model.model_id}' has no file at ${path}: put the GGUF there or change its 'source' in the run config.`,
        { code: "model_file_missing" },
      );
    }
  }
}
