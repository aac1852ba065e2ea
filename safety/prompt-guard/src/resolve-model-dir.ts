import { isAbsolute, join, resolve } from "node:path";
import { InvalidRequestError } from "@llama-stack-ts/api";
import type { PromptGuardConfig } from "./prompt-guard-config.ts";

/** The name upstream requires as `provider_resource_id`; the default directory under `models_dir`. */
export const DEFAULT_PROMPT_GUARD_MODEL = "Prompt-Guard-86M";

/**
 * A shield's model directory: the provider's `model_dir` when set; else the shield's
 * `provider_resource_id`, used as is when absolute and under `models_dir` otherwise
 * (`Prompt-Guard-86M`, `meta-llama/Llama-Prompt-Guard-2-22M`). A name may not climb out with `..`.
 */
export function resolveModelDir(
  config: Pick<PromptGuardConfig, "model_dir" | "models_dir">,
  providerShieldId: string,
): string {
  if (config.model_dir) return resolve(config.model_dir);
  if (isAbsolute(providerShieldId)) return providerShieldId;
  if (providerShieldId.split(/[\\/]/).includes("..")) {
    throw new InvalidRequestError(
      `Prompt Guard shield '${providerShieldId}' must name a directory under models_dir without '..', or an absolute directory.`,
      { param: "provider_shield_id" },
    );
  }
  return join(config.models_dir, providerShieldId);
}
