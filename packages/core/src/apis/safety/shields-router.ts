import {
  type ApiCall,
  InvalidRequestError,
  type RegisterShieldRequest,
  type SafetyProvider,
  ServiceUnavailableError,
  type Shield,
  type ShieldsApi,
  STORED_STRING_LIMITS,
} from "@llama-stack-ts/api";
import { assertStoredLength } from "@llama-stack-ts/provider-kit";
import type { ResourceTable } from "../../resource-tables/resource-table.ts";
import type { ProviderSet } from "../../stack/provider-set.ts";
import { parseShieldParamOptions } from "./parse-shield-param-options.ts";

/**
 * `/v1/shields`: registered shields (from `registered_resources.shields` or the API), owner-scoped
 * like models, and the safety provider behind each.
 */
export class ShieldsRouter implements ShieldsApi {
  /** Bumped by every registration and removal here, so readers that cache lists know theirs is stale. */
  generation = 0;

  constructor(
    readonly table: ResourceTable<Shield>,
    private readonly providers: ProviderSet,
  ) {}

  list(call: ApiCall): Promise<Shield[]> {
    return this.table.list(call.access);
  }

  /** False when no safety provider is configured: then no shield can exist. */
  hasProviders(): boolean {
    return this.providers.byApi("safety").length > 0;
  }

  get(identifier: string, call: ApiCall): Promise<Shield> {
    return this.table.get(identifier, call.access);
  }

  /** Register through the API (legacy upstream, still served); the caller becomes the owner. */
  async register(request: RegisterShieldRequest, call: ApiCall): Promise<Shield> {
    assertStoredLength(request.shield_id, STORED_STRING_LIMITS.resourceId, "shield_id");
    const params = request.params ?? {};
    parseShieldParamOptions(params);
    this.generation++;
    return this.table.register(
      {
        identifier: request.shield_id,
        provider_id: this.pickProvider(request.provider_id),
        provider_resource_id: request.provider_shield_id ?? request.shield_id,
        params,
        type: "shield",
      },
      call.access,
    );
  }

  /** 404 when unknown or not visible; 409 for shields from the run config. */
  async unregister(identifier: string, call: ApiCall): Promise<void> {
    await this.table.unregister(identifier, call.access);
    this.generation++;
  }

  /** The shield's safety provider, or a 503 when the shield outlived its provider's config entry. */
  provider(shield: Shield): SafetyProvider {
    const provider = this.providers.instance<SafetyProvider>("safety", shield.provider_id);
    if (!provider) {
      throw new ServiceUnavailableError(
        `Shield '${shield.identifier}' belongs to safety provider '${shield.provider_id}', which is not configured.`,
      );
    }
    return provider;
  }

  private pickProvider(providerId: string | null | undefined): string {
    const configured = this.providers.byApi("safety").map((p) => p.providerId);
    if (providerId) {
      if (!configured.includes(providerId)) {
        throw new InvalidRequestError(
          `Safety provider '${providerId}' is not configured. Configured: ${configured.join(", ") || "none"}.`,
          { param: "provider_id" },
        );
      }
      return providerId;
    }
    if (configured.length === 1) return configured[0]!;
    throw new InvalidRequestError(
      configured.length === 0
        ? "No safety provider is configured, so no shield can be registered."
        : `Specify provider_id: several safety providers are configured (${configured.join(", ")}).`,
      { param: "provider_id" },
    );
  }
}
