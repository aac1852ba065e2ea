import type { ProviderModule } from "@llama-stack-ts/api";
import { codeInterpreterTools } from "@llama-stack-ts/code-interpreter";
import { codeScannerShield } from "@llama-stack-ts/code-scanner";
import { ProviderRegistry } from "@llama-stack-ts/core";
import { fileSearchTools } from "@llama-stack-ts/file-search";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { llamaGuardShield } from "@llama-stack-ts/llama-guard";
import { mcpTools } from "@llama-stack-ts/mcp-tools";
import { memoryProviders } from "@llama-stack-ts/memory";
import { promptGuardShield } from "@llama-stack-ts/prompt-guard";
import { webSearchTools } from "@llama-stack-ts/web-search";
import { wolframAlphaTools } from "@llama-stack-ts/wolfram-alpha";

/** The shields this CLI ships (`inline::code-scanner`, …); users add theirs with `module:`. */
export const builtinShields: ProviderModule[] = [
  codeScannerShield as ProviderModule,
  llamaGuardShield as ProviderModule,
  promptGuardShield as ProviderModule,
];

/** The tool groups this CLI ships (`builtin::file_search`, …); users add theirs with `module:`. */
export const builtinTools: ProviderModule[] = [
  codeInterpreterTools as ProviderModule,
  fileSearchTools as ProviderModule,
  mcpTools as ProviderModule,
  webSearchTools as ProviderModule,
  wolframAlphaTools as ProviderModule,
];

/**
 * The providers this CLI ships. Apps wire concrete providers in; core and the server only see the
 * registry. Third-party providers need no entry here: name their module with `module:` in config.
 */
export function builtinProviders(): ProviderRegistry {
  const all: ProviderModule[] = [
    ...inferenceProviders,
    ...memoryProviders,
    ...builtinShields,
    ...builtinTools,
  ];
  return new ProviderRegistry().register(...all);
}
