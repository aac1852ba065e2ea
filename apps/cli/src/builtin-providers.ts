import type { ProviderModule } from "@llama-stack-ts/api";
import { ProviderRegistry } from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { memoryProviders } from "@llama-stack-ts/memory";

/**
 * The providers this CLI ships. Apps wire concrete providers in; core and the server only see the
 * registry. Third-party providers need no entry here: name their module with `module:` in config.
 */
export function builtinProviders(): ProviderRegistry {
  const all: ProviderModule[] = [...inferenceProviders, ...memoryProviders];
  return new ProviderRegistry().register(...all);
}
