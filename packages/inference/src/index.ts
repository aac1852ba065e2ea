import type { ProviderModule } from "@llama-stack-ts/api";
import { llamaCppProvider } from "./llama-cpp/index.ts";
import { remoteInferenceProviders } from "./remote/index.ts";

export { llamaCppProvider } from "./llama-cpp/index.ts";
export { remoteInferenceProviders } from "./remote/index.ts";

/** Every inference provider this package ships, for an app's registry. */
export const inferenceProviders: ProviderModule[] = [
  llamaCppProvider as ProviderModule,
  ...(remoteInferenceProviders as ProviderModule[]),
];

export { defaultParallel } from "./llama-cpp/default-parallel.ts";
export { defaultThreads } from "./llama-cpp/default-threads.ts";
export { kvCacheBytesPerToken } from "./llama-cpp/kv-cache-bytes-per-token.ts";
// For benchmarks and tools that need the exact prompt the server builds.
export { formatLlamaChat } from "./prompt-formats/index.ts";
