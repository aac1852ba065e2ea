import { ModelTypeSchema } from "@llama-stack-ts/api";
import { defaultModelsDir } from "@llama-stack-ts/provider-kit";
import { z } from "zod";

const KvCacheTypeSchema = z.enum(["F32", "F16", "BF16", "Q8_0", "Q4_0", "Q4_1", "Q5_0", "Q5_1"]);

export const LlamaCppModelSchema = z.strictObject({
  /** Served as `<provider_id>/<model_id>`. */
  model_id: z.string().min(1),
  /** A local GGUF path (relative to models_dir) or a Hugging Face URI: `hf:user/repo:Q4_K_M`, `hf:user/repo/file.gguf`. */
  source: z.string().min(1),
  model_type: ModelTypeSchema.default("llm"),
  /** Tokens per sequence; default: the model's training context, capped at 8192 (KV memory grows with it). */
  context_size: z.number().int().min(64).nullish(),
  /** Concurrent generations batched on one context; default 4 on GPU, on CPU 8 (fewer when their KV cache would pass 1/8 of RAM; decision 0006). */
  parallel: z.number().int().min(1).max(64).nullish(),
  /** Prompt format: Llama families by name, or `template` for the GGUF's own chat template. */
  chat_format: z.enum(["auto", "llama3_1", "llama3_2", "llama3_3", "template"]).default("auto"),
  tool_prompt_format: z.enum(["json", "function_tag", "python_list"]).nullish(),
  kv_cache_type: KvCacheTypeSchema.nullish(),
  flash_attention: z.boolean().nullish(),
  /** GPU layers: "auto", "max" or a count; ignored without a GPU. */
  gpu_layers: z.union([z.literal("auto"), z.literal("max"), z.number().int().min(0)]).default("auto"),
  metadata: z.record(z.string(), z.unknown()).default({}),
});
export type LlamaCppModelConfig = z.infer<typeof LlamaCppModelSchema>;

export const LlamaCppConfigSchema = z.strictObject({
  /** Default `$LLAMA_STACK_TS_HOME/models` (`~/.llama-stack-ts/models`), where `models pull` saves. */
  models_dir: z
    .string()
    .nullish()
    .transform((dir) => dir || defaultModelsDir()),
  models: z.array(LlamaCppModelSchema).default([]),
  /** CPU threads per generation; default: half the math cores (never more than the machine has). */
  threads: z.number().int().min(1).nullish(),
  /** `auto` tries CUDA, Vulkan, Metal in turn and falls back to CPU; `false` forces CPU. */
  gpu: z.union([z.enum(["auto", "cuda", "vulkan", "metal"]), z.literal(false)]).default("auto"),
  /** Download configured `hf:` models that are missing, in the background, at start-up. */
  auto_pull: z.boolean().default(false),
  /** Requests allowed to wait for a busy model before new ones get 429. */
  max_queued_requests: z.number().int().min(0).default(32),
});
export type LlamaCppConfig = z.infer<typeof LlamaCppConfigSchema>;
