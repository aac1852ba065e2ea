import { z } from "zod";
import { ExcludedCategoriesSchema } from "./categories.ts";

/** `inline::llama-guard` provider config. */
export const LlamaGuardConfigSchema = z.strictObject({
  /** Codes the shield never flags, e.g. `["S6", "S8"]`; they are also left out of the prompt. */
  excluded_categories: ExcludedCategoriesSchema.default([]),
  /** `llama-stack` (upstream parity: roles capitalised) or `official` (Meta's: assistant turns are `Agent`). */
  template: z.enum(["llama-stack", "official"]).default("llama-stack"),
  /**
   * Send a GBNF `grammar` that admits only `safe` or `unsafe\nS1,…` with the prompt's codes, so every
   * answer parses. The inline llama.cpp provider honours it; turn it off for a remote engine that
   * rejects unknown request fields.
   */
  constrain_output: z.boolean().default(true),
  /** Ask for the first token's log-probabilities and report `metadata.unsafe_probability`. */
  score: z.boolean().default(false),
  /**
   * Generation cap: the longest verdict (`unsafe` and all 14 codes) is 30 Llama 3 tokens, 31 after
   * a leading blank line; the cap only bounds a model that rambles.
   */
  max_tokens: z.number().int().min(4).max(512).default(48),
});
export type LlamaGuardConfig = z.infer<typeof LlamaGuardConfigSchema>;
