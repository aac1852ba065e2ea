import type { InferenceProvider, ProviderModule } from "@llama-stack-ts/api";
import { type LlamaCppConfig, LlamaCppConfigSchema } from "./llama-cpp-config.ts";
import { createLlamaCppProvider } from "./llama-cpp-provider.ts";

export const llamaCppProvider: ProviderModule<LlamaCppConfig, InferenceProvider> = {
  api: "inference",
  providerType: "inline::llama-cpp",
  description: "GGUF models in-process with llama.cpp (node-llama-cpp); GPU when present, CPU otherwise.",
  configSchema: LlamaCppConfigSchema,
  create: ({ config, logger }) => createLlamaCppProvider(config, logger),
};

export { type LlamaCppConfig, LlamaCppConfigSchema } from "./llama-cpp-config.ts";
