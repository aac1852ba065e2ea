import { isAbsolute, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { InvalidRequestError, type ProviderModule } from "@llama-stack-ts/api";

/**
 * Import a third-party provider named by `module:` in the run config: a path (relative to the
 * config file) or a package name. The module's default export (or its `provider` export) must be
 * a `ProviderModule` whose api and provider_type match the config entry.
 */
export async function loadProviderModule(
  specifier: string,
  baseDir: string,
  expected: { api: string; providerType: string },
): Promise<ProviderModule> {
  const isPath = specifier.startsWith(".") || isAbsolute(specifier);
  const target = isPath ? pathToFileURL(resolve(baseDir, specifier)).href : specifier;
  let loaded: Record<string, unknown>;
  try {
    loaded = await import(target);
  } catch (cause) {
    throw new InvalidRequestError(`Cannot load provider module '${specifier}': ${(cause as Error).message}`, {
      cause,
    });
  }
  const candidate = (loaded.default ?? loaded.provider) as Partial<ProviderModule> | undefined;
  if (!candidate || typeof candidate.create !== "function" || !candidate.configSchema) {
    throw new InvalidRequestError(
      `Provider module '${specifier}' must export a ProviderModule ({api, providerType, configSchema, create}) as its default export.`,
    );
  }
  if (candidate.api !== expected.api || candidate.providerType !== expected.providerType) {
    throw new InvalidRequestError(
      `Provider module '${specifier}' implements ${candidate.api}/${candidate.providerType}, but the config lists it under ${expected.api}/${expected.providerType}.`,
    );
  }
  return candidate as ProviderModule;
}
