import { existsSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { ConfigError, type LoadedRunConfig, loadRunConfig } from "@llama-stack-ts/core";

const DISTRIBUTIONS_DIR = fileURLToPath(new URL("../distributions/", import.meta.url));

export function listDistributions(): string[] {
  return readdirSync(DISTRIBUTIONS_DIR)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => f.slice(0, -".yaml".length))
    .sort();
}

/** A path to a run config, or the name of a bundled distribution (`default`, `postgres`). */
export async function resolveConfig(
  target: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<LoadedRunConfig> {
  const name = target ?? "default";
  if (existsSync(name) || /[/\\]|\.ya?ml$/.test(name)) return loadRunConfig(name, env);
  if (!listDistributions().includes(name)) {
    throw new ConfigError(
      `'${name}' is neither a config file nor a distribution. Distributions: ${listDistributions().join(", ")}.`,
    );
  }
  return loadRunConfig(`${DISTRIBUTIONS_DIR}${name}.yaml`, env);
}
