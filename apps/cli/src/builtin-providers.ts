import { ProviderRegistry } from "@llama-stack-ts/core";

/**
 * The providers this CLI ships. Apps wire concrete providers in; core and the server only see the
 * registry. Third-party providers need no entry here: name their module with `module:` in config.
 */
export function builtinProviders(): ProviderRegistry {
  return new ProviderRegistry();
}
