import {
  type SafetyProvider,
  type Shield,
  type ShieldOptions,
  ShieldOptionsSchema,
} from "@llama-stack-ts/api";
import { parseShieldParamOptions } from "./parse-shield-param-options.ts";

const DEFAULTS: ShieldOptions = ShieldOptionsSchema.parse({});

/** What applies to one shield: the schema defaults, then its provider's config, then its own `params`. */
export function effectiveShieldOptions(provider: SafetyProvider, shield: Shield): ShieldOptions {
  return { ...DEFAULTS, ...provider.shieldOptions, ...parseShieldParamOptions(shield.params) };
}
