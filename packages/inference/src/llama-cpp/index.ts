import type { InferenceProvider, ProviderModule } from "@llama-stack-ts/api";
import { assertLocalModelsExist } from "./assert-local-models-exist.ts";
import { createLazyLlamaCppProvider } from "./lazy-llama-cpp-provider.ts";
import { type LlamaCppConfig, LlamaCppConfigSchema } from "./llama-cpp-config.ts";

export const llamaCppProvider: ProviderModule<LlamaCppConfig, InferenceProvider> = {
  api: "inference",
  providerType: "inline::llama-cpp",
  description: "GGUF models in-process with llama.cpp (node-llama-cpp); GPU when present, CPU otherwise.",
  configSchema: LlamaCppConfigSchema,
  create: ({ config, logger }) => {
    assertLocalModelsExist(config);
    return createLazyLlamaCppProvider(config, logger);
  },
};

export { type LlamaCppConfig, LlamaCppConfigSchema } from "./llama-cpp-config.ts";
