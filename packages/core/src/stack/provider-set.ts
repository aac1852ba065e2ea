import type { ApiName, ProviderInstance, ProviderModule } from "@llama-stack-ts/api";

export interface RunningProvider {
  api: ApiName;
  providerId: string;
  providerType: string;
  module: ProviderModule;
  /** The validated config with secrets redacted, for `GET /v1/providers`. */
  publicConfig: Record<string, unknown>;
  instance: ProviderInstance;
}

/** The provider instances of one running Stack, by API and id. */
export class ProviderSet {
  constructor(readonly all: readonly RunningProvider[]) {}

  byApi(api: ApiName): RunningProvider[] {
    return this.all.filter((p) => p.api === api);
  }

  find(providerId: string): RunningProvider | undefined {
    return this.all.find((p) => p.providerId === providerId);
  }

  instance<T extends ProviderInstance>(api: ApiName, providerId: string): T | undefined {
    return this.all.find((p) => p.api === api && p.providerId === providerId)?.instance as T | undefined;
  }
}
