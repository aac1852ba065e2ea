import { fileURLToPath } from "node:url";
import type { ProviderModule } from "@llama-stack-ts/api";
import { codeScannerShield } from "@llama-stack-ts/code-scanner";
import {
  createLogger,
  createStack,
  ProviderRegistry,
  parseRunConfig,
  type RunConfigInput,
  type Stack,
} from "@llama-stack-ts/core";
import { inferenceProviders } from "@llama-stack-ts/inference";
import { llamaGuardShield } from "@llama-stack-ts/llama-guard";
import { documentChunker, memoryProviders } from "@llama-stack-ts/memory";
import { promptGuardShield } from "@llama-stack-ts/prompt-guard";
import { type RunningServer, startServer } from "@llama-stack-ts/server";

/** The built-in shields, as the CLI registers them. */
const builtinShields: ProviderModule[] = [
  codeScannerShield as ProviderModule,
  llamaGuardShield as ProviderModule,
  promptGuardShield as ProviderModule,
];

/** Relative `module:` paths in test configs resolve against `test/`. */
export const TEST_DIR = fileURLToPath(new URL("..", import.meta.url));

export interface TestStack {
  stack: Stack;
  server: RunningServer;
  /** Host root: llama-stack-client's baseURL. */
  url: string;
  close(): Promise<void>;
}

/** A real Stack and HTTP server on a free port, storage in memory unless the config says otherwise. */
export async function startTestStack(
  config: RunConfigInput,
  options: { dataDir?: string | null; env?: NodeJS.ProcessEnv } = {},
): Promise<TestStack> {
  const parsed = parseRunConfig(config, { env: options.env ?? {} });
  const stack = await createStack({
    config: parsed,
    registry: new ProviderRegistry().register(...inferenceProviders, ...memoryProviders, ...builtinShields),
    dataDir: options.dataDir ?? null,
    baseDir: TEST_DIR,
    documentChunker,
    logger: createLogger({ level: process.env.TEST_LOG_LEVEL === "debug" ? "debug" : "error" }),
  });
  const server = await startServer(stack, { port: 0, host: "127.0.0.1" });
  return { stack, server, url: server.url, close: () => server.close() };
}

/** A config with the fixed-catalog plug-in serving two models. */
export function catalogConfig(extra: Partial<RunConfigInput> = {}): RunConfigInput {
  return {
    distro_name: "test",
    apis: ["inference"],
    providers: {
      inference: [
        {
          provider_id: "catalog",
          provider_type: "remote::fixed-catalog",
          module: "./fixtures/providers/fixed-catalog-inference.ts",
          config: {
            models: [
              { id: "Llama-3.1-8B-Instruct", type: "llm", metadata: { context_length: 131072 } },
              { id: "all-MiniLM-L6-v2", type: "embedding", metadata: { embedding_dimension: 384 } },
            ],
            api_key: "sk-secret-do-not-show",
            max_tokens: 256,
          },
        },
      ],
    },
    ...extra,
  };
}
