import type { RunConfigInput } from "@llama-stack-ts/core";

export interface TestModel {
  model_id: string;
  source: string;
  model_type?: "llm" | "embedding" | "rerank";
  chat_format?: "auto" | "llama3_1" | "llama3_2" | "llama3_3" | "template";
  context_size?: number;
  parallel?: number;
  metadata?: Record<string, unknown>;
}

/** A run config serving GGUF fixtures through `inline::llama-cpp` on one CPU thread. */
export function llamaCppConfig(
  models: TestModel[],
  extra: { max_queued_requests?: number; auto_pull?: boolean; models_dir?: string } = {},
): RunConfigInput {
  return {
    distro_name: "test",
    apis: ["inference"],
    providers: {
      inference: [
        {
          provider_id: "llama-cpp",
          provider_type: "inline::llama-cpp",
          config: { models, gpu: false, threads: 1, auto_pull: false, ...extra },
        },
      ],
    },
  };
}
