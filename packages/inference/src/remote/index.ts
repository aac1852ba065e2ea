import type { InferenceProvider, ProviderModule } from "@llama-stack-ts/api";
import { z } from "zod";
import { type OpenAICompatibleConfig, OpenAICompatibleConfigSchema } from "./openai-compatible-config.ts";
import { createOpenAICompatibleProvider } from "./openai-compatible-provider.ts";

function remoteProvider(
  name: string,
  engine: string,
  description: string,
  defaultBaseUrl?: string,
): ProviderModule<OpenAICompatibleConfig, InferenceProvider> {
  const schema = defaultBaseUrl
    ? OpenAICompatibleConfigSchema.extend({ base_url: z.string().url().default(defaultBaseUrl) })
    : OpenAICompatibleConfigSchema;
  return {
    api: "inference",
    providerType: `remote::${name}`,
    description,
    configSchema: schema as unknown as z.ZodType<OpenAICompatibleConfig>,
    secretKeys: ["api_key"],
    create: ({ config }) =>
      createOpenAICompatibleProvider(config, engine, `${name.replaceAll("-", "_")}_api_key`),
  };
}

/** One implementation, several engines: only defaults and names differ. */
export const remoteInferenceProviders = [
  remoteProvider("vllm", "vLLM", "A vLLM server's OpenAI-compatible API."),
  remoteProvider("ollama", "Ollama", "Ollama's OpenAI-compatible API.", "http://localhost:11434/v1"),
  remoteProvider("tgi", "TGI", "Text Generation Inference's OpenAI-compatible Messages API."),
  remoteProvider(
    "llama-cpp-server",
    "llama.cpp server",
    "llama.cpp's llama-server.",
    "http://localhost:8080/v1",
  ),
  remoteProvider(
    "openai-compat",
    "the OpenAI-compatible endpoint",
    "Any OpenAI-compatible endpoint (hosted or self-run), including another Llama Stack.",
  ),
];
