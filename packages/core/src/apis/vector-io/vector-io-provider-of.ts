import { ServiceUnavailableError, type VectorIoProvider } from "@llama-stack-ts/api";
import type { ProviderSet } from "../../stack/provider-set.ts";

/** The running vector_io provider a store lives in; 503 when the config no longer has it. */
export function vectorIoProviderOf(providers: ProviderSet, providerId: string): VectorIoProvider {
  const provider = providers.instance<VectorIoProvider>("vector_io", providerId);
  if (!provider) throw new ServiceUnavailableError(`Vector_io provider '${providerId}' is not configured.`);
  return provider;
}
