import type { ProviderModule } from "@llama-stack-ts/api";
import { codeScannerShield } from "@llama-stack-ts/code-scanner";
import { ProviderRegistry } from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { llamaGuardShield } from "@llama-stack-ts/llama-guard";
import { memoryProviders } from "@llama-stack-ts/memory";
import { promptGuardShield } from "@llama-stack-ts/prompt-guard";

/** The shields this CLI ships (`inline::code-scanner`, …); users add theirs with `module:`. */
export const builtinShields: ProviderModule[] = [
  codeScannerShield as ProviderModule,
  llamaGuardShield as ProviderModule,
  promptGuardShield as ProviderModule,
];

/**
 * The providers this CLI ships. Apps wire concrete providers in; core and the server only see the
 * registry. Third-party providers need no entry here: name their module with `module:` in config.
 */
export function builtinProviders(): ProviderRegistry {
  const all: ProviderModule[] = [...inferenceProviders, ...memoryProviders, ...builtinShields];
  return new ProviderRegistry().register(...all);
}
