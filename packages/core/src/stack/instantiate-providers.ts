import { join } from "node:path";
import {
  type ApiName,
  ApiNameSchema,
  type Logger,
  type ProviderModule,
  type SqlClient,
} from "@llama-stack-ts/api";
import { formatZodError } from "@llama-stack-ts/provider-kit";
import { ConfigError } from "../config/load-run-config.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import { loadProviderModule } from "../registry/load-provider-module.ts";
import type { ProviderRegistry } from "../registry/provider-registry.ts";
import type { RunningProvider } from "./provider-set.ts";
import { redactSecrets } from "./redact-secrets.ts";
import type { StackRouters } from "./stack-routers.ts";

/** A provider whose module is loaded and whose config is valid, not yet created. */
export interface PlannedProvider {
  api: ApiName;
  providerId: string;
  providerType: string;
  module: ProviderModule;
  config: unknown;
}

/**
 * Load every provider module and validate every provider config, without side effects, so a bad
 * config fails before storage is opened or any engine starts.
 */
export async function planProviders(
  config: RunConfig,
  registry: ProviderRegistry,
  baseDir: string,
): Promise<PlannedProvider[]> {
  const planned: PlannedProvider[] = [];
  const seen = new Set<string>();
  for (const [apiKey, entries] of Object.entries(config.providers)) {
    const api = ApiNameSchema.safeParse(apiKey);
    if (!api.success) throw new ConfigError(`providers.${apiKey}: unknown api`);
    if (config.apis.length > 0 && !config.apis.includes(api.data)) {
      throw new ConfigError(`providers.${apiKey}: api '${apiKey}' is not listed in 'apis'`);
    }
    for (const [index, entry] of entries.entries()) {
      const where = `providers.${apiKey}[${index}]`;
      if (seen.has(entry.provider_id)) {
        throw new ConfigError(`${where}.provider_id: '${entry.provider_id}' is used by another provider`);
      }
      seen.add(entry.provider_id);
      const module: ProviderModule = entry.module
        ? await loadProviderModule(entry.module, baseDir, {
            api: api.data,
            providerType: entry.provider_type,
          })
        : registry.get(entry.provider_type, api.data);
      if (module.api !== api.data) {
        throw new ConfigError(`${where}.provider_type: '${entry.provider_type}' is a ${module.api} provider`);
      }
      const parsed = module.configSchema.safeParse(entry.config);
      if (!parsed.success) {
        throw new ConfigError(`Invalid provider config: ${formatZodError(parsed.error, `${where}.config`)}`);
      }
      planned.push({
        api: api.data,
        providerId: entry.provider_id,
        providerType: entry.provider_type,
        module,
        config: parsed.data,
      });
    }
  }
  return planned;
}

export interface InstantiateOptions {
  dataDir: string | null;
  sql: SqlClient;
  logger: Logger;
  /** Late-bound routers of other APIs, filled in by the layers above core. */
  routers: StackRouters;
}

/** Create every planned provider in config order; on failure, shut down the ones already made. */
export async function instantiateProviders(
  planned: readonly PlannedProvider[],
  options: InstantiateOptions,
): Promise<RunningProvider[]> {
  const running: RunningProvider[] = [];
  try {
    for (const plan of planned) {
      const instance = await plan.module.create({
        providerId: plan.providerId,
        config: plan.config,
        dataDir: join(options.dataDir ?? ".", "providers", plan.providerId),
        logger: options.logger.child({ provider: plan.providerId }),
        sql: options.sql,
        api: (name) => options.routers.require(name),
      });
      running.push({
        api: plan.api,
        providerId: plan.providerId,
        providerType: plan.providerType,
        module: plan.module,
        publicConfig: redactSecrets(plan.config, plan.module.secretKeys ?? []),
        instance,
      });
    }
  } catch (error) {
    await Promise.allSettled(running.map((p) => p.instance.shutdown?.()));
    throw error;
  }
  return running;
}
