import type { Shield } from "@llama-stack-ts/api";
import { ConfigError } from "../../config/load-run-config.ts";
import type { RunConfig } from "../../config/run-config-schema.ts";
import { parseShieldParamOptions } from "./parse-shield-param-options.ts";

/**
 * Start-up checks of the safety settings, after shields are registered: every configured shield's
 * `params.on_error` / `params.touchpoints` are valid, and `safety.default_shield_id` names a shield
 * (checked only when some shield exists, as upstream does).
 */
export function validateSafetyConfig(config: RunConfig, shields: readonly Shield[]): void {
  for (const [index, shield] of config.registered_resources.shields.entries()) {
    try {
      parseShieldParamOptions(shield.params, `registered_resources.shields[${index}].params`);
    } catch (error) {
      throw new ConfigError((error as Error).message);
    }
  }
  const defaultShieldId = config.safety?.default_shield_id;
  if (defaultShieldId && shields.length > 0 && !shields.some((s) => s.identifier === defaultShieldId)) {
    throw new ConfigError(
      `safety.default_shield_id: shield '${defaultShieldId}' is not registered (registered: ${shields.map((s) => s.identifier).join(", ")})`,
    );
  }
}
