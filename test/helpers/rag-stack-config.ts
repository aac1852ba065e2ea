import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { RunConfigInput } from "@llama-stack-ts/core";
import { tinyLlamaPath } from "@llama-stack-ts/test-fixtures";

/**
 * The Stack retrieval tests run: inline llama.cpp serving the tiny model as a 64-d embedding model
 * (`llama-cpp/embed`) plus any extra models, pgvector in the Stack's database, and localfs files
 * in a fresh temporary directory.
 */
export async function ragStackConfig(
  options: { extraModels?: Record<string, unknown>[]; filesDir?: string } = {},
): Promise<RunConfigInput> {
  return {
    distro_name: "test",
    apis: ["inference", "vector_io", "files"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: {
            gpu: false,
            threads: 1,
            models: [
              {
                model_id: "embed",
                source: await tinyLlamaPath(),
                model_type: "embedding",
                metadata: { embedding_dimension: 64 },
              },
              ...(options.extraModels ?? []),
            ],
          },
        },
      ],
      vector_io: [{ provider_id: "pgvector", provider_type: "inline::pgvector", config: {} }],
      files: [
        {
          provider_id: "localfs",
          provider_type: "inline::localfs",
          config: { storage_dir: options.filesDir ?? (await mkdtemp(join(tmpdir(), "lsts-rag-files-"))) },
        },
      ],
    },
  };
}
