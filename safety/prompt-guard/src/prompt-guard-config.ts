import { defaultModelsDir } from "@llama-stack-ts/provider-kit";
import { z } from "zod";
import { promptGuardMaxTokens } from "./load-prompt-guard-classifier.ts";

/** `inline::prompt-guard` provider config. */
export const PromptGuardConfigSchema = z.strictObject({
  /**
   * The model directory (config.json, tokenizer.json, tokenizer_config.json, onnx/model.onnx) for
   * every shield of this provider. Unset: each shield's `provider_resource_id` names it — an
   * absolute directory, or a name under `models_dir` (e.g. `Prompt-Guard-86M`). Empty counts as unset,
   * so `${env.PROMPT_GUARD_DIR:=}` works.
   */
  model_dir: z
    .string()
    .nullish()
    .transform((dir) => dir || null),
  /** Default `$LLAMA_STACK_TS_HOME/models` (`~/.llama-stack-ts/models`), like inline::llama-cpp. */
  models_dir: z
    .string()
    .nullish()
    .transform((dir) => dir || defaultModelsDir()),
  /**
   * `injection` (upstream default): P(injection) + P(jailbreak) on v1, P(malicious) on v2 — for
   * third-party content such as tool results. `jailbreak`: P(jailbreak) on v1, P(malicious) on v2.
   */
  guard_type: z.enum(["injection", "jailbreak"]).default("injection"),
  /** A text is flagged when its score is strictly greater (upstream's hard-coded 0.9). */
  threshold: z.number().min(0).max(1).default(0.9),
  /** Softmax temperature over the logits (llama-recipes' `temperature`). */
  temperature: z.number().positive().default(1.0),
  /** Tokens per window including `[CLS]`/`[SEP]`; longer texts are split and the worst window counts. */
  window_tokens: z.number().int().min(3).max(promptGuardMaxTokens).default(promptGuardMaxTokens),
  /** Windows scored per model run. */
  batch_size: z.number().int().min(1).max(256).default(16),
  /** `last` (upstream): only the last message; `all`: every message, the highest score counts. */
  messages: z.enum(["last", "all"]).default("last"),
});
export type PromptGuardConfig = z.infer<typeof PromptGuardConfigSchema>;
