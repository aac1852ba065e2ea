import { join } from "node:path";
import {
  ApiNameSchema,
  type Logger,
  type ProviderModule,
  ServiceUnavailableError,
} from "@llama-stack-ts/api";
import { ConfigError } from "../config/load-run-config.ts";
import type { RunConfig } from "../config/run-config-schema.ts";
import { loadProviderModule } from "../registry/load-provider-module.ts";
import type { ProviderRegistry } from "../registry/provider-registry.ts";
import { formatZodError } from "../validation/format-zod-error.ts";
import type { RunningProvider } from "./provider-set.ts";
import { redactSecrets } from "./redact-secrets.ts";

export interface InstantiateOptions {
  config: RunConfig;
  registry: ProviderRegistry;
  baseDir: string;
  dataDir: string | null;
  logger: Logger;
  /** Late-bound routers of other APIs, filled in by the layers above core. */
  routers: Map<string, unknown>;
}

/** Load, validate and create every provider in `providers:`, in config order. */
export async function instantiateProviders(options: InstantiateOptions): Promise<RunningProvider[]> {
  const { config, registry, logger } = options;
  const running: RunningProvider[] = [];
  const seen = new Set<string>();
  try {
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
          ? await loadProviderModule(entry.module, options.baseDir, {
              api: api.data,
              providerType: entry.provider_type,
            })
          : registry.get(entry.provider_type, api.data);
        if (module.api !== api.data) {
          throw new ConfigError(
            `${where}.provider_type: '${entry.provider_type}' is a ${module.api} provider`,
          );
        }
        const parsed = module.configSchema.safeParse(entry.config);
        if (!parsed.success) {
          throw new ConfigError(
            `Invalid provider config: ${formatZodError(parsed.error, `${where}.config`)}`,
          );
        }
        const providerLogger = logger.child({ provider: entry.provider_id });
        const instance = await module.create({
          providerId: entry.provider_id,
          config: parsed.data,
          dataDir: join(options.dataDir ?? ".", "providers", entry.provider_id),
          logger: providerLogger,
          api<T>(name: string): T {
            const router = options.routers.get(name);
            if (router === undefined) {
              throw new ServiceUnavailableError(
                `Service '${name}' is not enabled. Please check your configuration and enable the service before trying again.`,
              );
            }
            return router as T;
          },
        });
        running.push({
          api: api.data,
          providerId: entry.provider_id,
          providerType: entry.provider_type,
          module,
          publicConfig: redactSecrets(parsed.data, module.secretKeys ?? []),
          instance,
        });
      }
    }
  } catch (error) {
    await Promise.allSettled(running.map((p) => p.instance.shutdown?.()));
    throw error;
  }
  return running;
}
