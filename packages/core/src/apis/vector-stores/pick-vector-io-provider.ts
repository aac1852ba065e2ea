import { InvalidRequestError, ServiceUnavailableError } from "@llama-stack-ts/api";
import type { ProviderSet } from "../../stack/provider-set.ts";

/**
 * The vector_io provider a new store goes to: the requested one, else
 * `vector_stores.default_provider_id`, else the only one configured.
 */
export function pickVectorIoProvider(
  providers: ProviderSet,
  requested: string | undefined,
  configuredDefault: string | null | undefined,
): string {
  const ids = providers.byApi("vector_io").map((p) => p.providerId);
  if (ids.length === 0) throw new ServiceUnavailableError("No vector_io provider is configured.");
  const wanted = requested ?? configuredDefault ?? undefined;
  if (wanted !== undefined) {
    if (!ids.includes(wanted)) {
      throw new InvalidRequestError(
        `Vector_io provider '${wanted}' is not configured; configured: ${ids.join(", ")}.`,
        { param: "provider_id" },
      );
    }
    return wanted;
  }
  if (ids.length > 1) {
    throw new InvalidRequestError(
      `Several vector_io providers are configured (${ids.join(", ")}); name one with provider_id or set vector_stores.default_provider_id.`,
      { param: "provider_id" },
    );
  }
  return ids[0]!;
}
