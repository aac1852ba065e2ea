import type { ProviderHealth, ProviderInfo } from "@llama-stack-ts/api";
import type { RunningProvider } from "@llama-stack-ts/core";

const HEALTH_TIMEOUT_MS = 2_000;

/** `ProviderInfo` with a live health check that cannot hang the listing. */
export async function providerInfo(provider: RunningProvider): Promise<ProviderInfo> {
  return {
    api: provider.api,
    provider_id: provider.providerId,
    provider_type: provider.providerType,
    config: provider.publicConfig,
    health: await checkHealth(provider),
  };
}

async function checkHealth(provider: RunningProvider): Promise<ProviderHealth> {
  if (typeof provider.instance.health !== "function") return { status: "Not Implemented" };
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      provider.instance.health(),
      new Promise<ProviderHealth>((resolve) => {
        timer = setTimeout(
          () => resolve({ status: "Error", message: `health check timed out after ${HEALTH_TIMEOUT_MS} ms` }),
          HEALTH_TIMEOUT_MS,
        );
      }),
    ]);
  } catch (error) {
    return { status: "Error", message: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}
