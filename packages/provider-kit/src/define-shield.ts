import {
  type ProviderModule,
  type SafetyProvider,
  type ShieldDefinition,
  type ShieldOptions,
  ShieldOptionsSchema,
} from "@llama-stack-ts/api";
import { z } from "zod";

const COMMON_KEYS = Object.keys(ShieldOptionsSchema.shape);

/**
 * Turns a shield definition into a safety provider module. The module's config is the shield's
 * own config plus the options every shield gets (`on_error`, `touchpoints`), so a user's shield
 * validates only its own keys.
 *
 * @example
 * export default defineShield({
 *   type: "inline::no-shouting",
 *   description: "Flags messages written in capitals.",
 *   configSchema: z.object({ max_ratio: z.number().default(0.8) }),
 *   create: ({ config }) => ({ run: async (messages) => (shouting(messages, config) ? violation : null) }),
 * });
 */
export function defineShield<Config>(
  definition: ShieldDefinition<Config>,
): ProviderModule<Config & ShieldOptions, SafetyProvider> {
  const configSchema = z.unknown().transform((raw, ctx) => {
    const record = (raw ?? {}) as Record<string, unknown>;
    if (typeof record !== "object" || Array.isArray(record)) {
      ctx.addIssue({ code: "custom", message: "Shield config must be an object." });
      return z.NEVER;
    }
    const common: Record<string, unknown> = {};
    const own: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(record))
      (COMMON_KEYS.includes(key) ? common : own)[key] = value;
    const options = ShieldOptionsSchema.safeParse(common);
    const config = definition.configSchema.safeParse(own);
    for (const issue of [...(options.error?.issues ?? []), ...(config.error?.issues ?? [])]) {
      ctx.addIssue({ ...issue, code: "custom", message: issue.message, path: issue.path } as never);
    }
    if (!options.success || !config.success) return z.NEVER;
    return { ...(config.data as object), ...options.data } as Config & ShieldOptions;
  }) as unknown as z.ZodType<Config & ShieldOptions>;

  return {
    api: "safety",
    providerType: definition.type,
    description: definition.description,
    configSchema,
    ...(definition.secretKeys ? { secretKeys: definition.secretKeys } : {}),
    async create(context) {
      const { on_error, touchpoints, ...own } = context.config;
      const shield = await definition.create({ ...context, config: own as Config });
      return {
        shieldOptions: { on_error, touchpoints },
        runShield: (messages, call) => shield.run(messages, call),
        ...(shield.moderate ? { moderate: shield.moderate.bind(shield) } : {}),
        ...(shield.health ? { health: shield.health.bind(shield) } : {}),
        ...(shield.shutdown ? { shutdown: shield.shutdown.bind(shield) } : {}),
      };
    },
  };
}
