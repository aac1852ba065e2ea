import { InvalidRequestError, type ProviderModule } from "@llama-stack-ts/api";

/**
 * `provider_type` → plug-in. Apps register the built-ins they ship; core never imports a concrete
 * provider. Third-party modules named in the run config are added at start-up.
 */
export class ProviderRegistry {
  private readonly modules = new Map<string, ProviderModule>();

  register(...modules: ProviderModule[]): this {
    for (const module of modules) this.modules.set(module.providerType, module);
    return this;
  }

  has(providerType: string): boolean {
    return this.modules.has(providerType);
  }

  get(providerType: string, api: string): ProviderModule {
    const module = this.modules.get(providerType);
    if (!module) {
      const known = this.list()
        .filter((m) => m.api === api)
        .map((m) => m.providerType);
      throw new InvalidRequestError(
        `Unknown provider_type '${providerType}' for api '${api}'. Available: ${known.length ? known.join(", ") : "none"}; or set 'module:' to load a third-party provider.`,
      );
    }
    return module;
  }

  list(): ProviderModule[] {
    return [...this.modules.values()].sort(
      (a, b) => a.api.localeCompare(b.api) || a.providerType.localeCompare(b.providerType),
    );
  }
}
