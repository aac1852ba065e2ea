import { ModelTypeSchema } from "@llama-stack-ts/api";
import { z } from "zod";

export const OpenAICompatibleConfigSchema = z.strictObject({
  /** The engine's OpenAI-compatible root, e.g. `http://vllm:8000/v1`. */
  base_url: z.string().url(),
  api_key: z.string().nullish(),
  /** Per attempt; streams get it until their first byte. */
  timeout_seconds: z.number().positive().default(120),
  /** Retries on 408/429/5xx and connection errors, with exponential backoff. */
  max_retries: z.number().int().min(0).max(10).default(2),
  /** Ask the engine for its models at start-up (GET /models). */
  discover_models: z.boolean().default(true),
  /** Models to serve without discovery, or to give a type and metadata (embedding_dimension). */
  models: z
    .array(
      z.strictObject({
        model_id: z.string().min(1),
        model_type: ModelTypeSchema.default("llm"),
        metadata: z.record(z.string(), z.unknown()).default({}),
      }),
    )
    .default([]),
  headers: z.record(z.string(), z.string()).default({}),
});
export type OpenAICompatibleConfig = z.infer<typeof OpenAICompatibleConfigSchema>;
