import type { InferenceProvider, Logger, Shield, ToolGroup, VectorStoreResource } from "@llama-stack-ts/api";
import { ConfigError } from "../config/load-run-config.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import type { ProviderSet } from "./provider-set.ts";
import type { StackTables } from "./stack.ts";

/** Upstream's start-up order: config resources, then one round of provider model discovery. */
export async function registerConfiguredResources(
  config: RunConfig,
  providers: ProviderSet,
  tables: StackTables,
  logger: Logger,
): Promise<void> {
  const resources = config.registered_resources;
  await tables.models.syncConfigured(resources.models);
  await tables.shields.sync(
    "config",
    resources.shields.map(
      (s, i): Shield => ({
        identifier: s.shield_id,
        provider_id: pickProvider(providers, "safety", s.provider_id, `registered_resources.shields[${i}]`),
        provider_resource_id: s.provider_shield_id ?? s.shield_id,
        ...(s.params ? { params: s.params } : {}),
        type: "shield",
      }),
    ),
  );
  await tables.vectorStores.sync(
    "config",
    resources.vector_stores.map((v, i): VectorStoreResource => {
      const where = `registered_resources.vector_stores[${i}]`;
      if (!v.embedding_dimension) throw new ConfigError(`${where}.embedding_dimension: required`);
      return {
        identifier: v.vector_store_id,
        provider_id: pickProvider(providers, "vector_io", v.provider_id, where),
        provider_resource_id: v.provider_vector_store_id ?? v.vector_store_id,
        embedding_model: v.embedding_model,
        embedding_dimension: v.embedding_dimension,
        ...(v.vector_store_name ? { vector_store_name: v.vector_store_name } : {}),
        type: "vector_store",
      };
    }),
  );
  await tables.toolGroups.sync(
    "config",
    resources.tool_groups.map(
      (t, i): ToolGroup => ({
        identifier: t.toolgroup_id,
        provider_id: pickProvider(
          providers,
          "tool_runtime",
          t.provider_id,
          `registered_resources.tool_groups[${i}]`,
        ),
        provider_resource_id: t.toolgroup_id,
        ...(t.args ? { args: t.args } : {}),
        ...(t.mcp_endpoint ? { mcp_endpoint: t.mcp_endpoint } : {}),
        type: "tool_group",
      }),
    ),
  );
  await refreshModels(providers, tables, logger);
}

/** Ask every inference provider that can list models; a failing provider keeps its old list. */
export async function refreshModels(
  providers: ProviderSet,
  tables: StackTables,
  logger: Logger,
): Promise<void> {
  for (const provider of providers.byApi("inference")) {
    const instance = provider.instance as InferenceProvider;
    if (typeof instance.listModels !== "function") continue;
    try {
      const skipped = await tables.models.syncDiscovered(provider.providerId, await instance.listModels());
      if (skipped.length) {
        logger.warn("discovered models skipped: ids longer than STORED_STRING_LIMITS.resourceId", {
          provider: provider.providerId,
          skipped: skipped.map((id) => `${id.slice(0, 80)}…`),
        });
      }
    } catch (error) {
      logger.warn("model discovery failed", { provider: provider.providerId, error });
    }
  }
}

function pickProvider(
  providers: ProviderSet,
  api: "safety" | "vector_io" | "tool_runtime",
  providerId: string | null | undefined,
  where: string,
): string {
  const candidates = providers.byApi(api).map((p) => p.providerId);
  if (providerId) {
    if (!candidates.includes(providerId)) {
      throw new ConfigError(
        `${where}.provider_id: no ${api} provider '${providerId}' (configured: ${candidates.join(", ") || "none"})`,
      );
    }
    return providerId;
  }
  if (candidates.length === 1) return candidates[0]!;
  throw new ConfigError(
    `${where}.provider_id: required, ${candidates.length === 0 ? `no ${api} provider is configured` : `several ${api} providers are configured (${candidates.join(", ")})`}`,
  );
}
