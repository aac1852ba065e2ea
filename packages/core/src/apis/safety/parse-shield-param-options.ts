import { InvalidRequestError, type ShieldOptions, ShieldOptionsSchema } from "@llama-stack-ts/api";
import { formatZodError } from "@llama-stack-ts/provider-kit";

const OPTION_KEYS = Object.keys(ShieldOptionsSchema.shape) as (keyof ShieldOptions)[];

/**
 * The common options (`on_error`, `touchpoints`) a shield's `params` set, validated; other keys
 * belong to the shield's provider and pass untouched. Only keys present are returned, so they
 * override the provider's defaults and nothing else.
 */
export function parseShieldParamOptions(
  params: Record<string, unknown> | null | undefined,
  where = "params",
): Partial<ShieldOptions> {
  const options: Record<string, unknown> = {};
  for (const key of OPTION_KEYS) {
    if (params?.[key] === undefined) continue;
    const parsed = ShieldOptionsSchema.shape[key].safeParse(params[key]);
    if (!parsed.success) {
      throw new InvalidRequestError(
        `Invalid shield params: ${formatZodError(parsed.error, `${where}.${key}`)}`,
        {
          param: `${where}.${key}`,
        },
      );
    }
    options[key] = parsed.data;
  }
  return options as Partial<ShieldOptions>;
}
