import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { InvalidRequestError } from "@llama-stack-ts/api";
import { formatZodError } from "@llama-stack-ts/provider-kit";
import { parse as parseYaml, YAMLParseError } from "yaml";
import { dropDisabledEntries } from "./drop-disabled-entries.ts";
import { substituteEnv } from "./env-substitution.ts";
import { type RunConfig, RunConfigSchema } from "./run-config-schema.ts";

export class ConfigError extends InvalidRequestError {}

export interface LoadedRunConfig {
  config: RunConfig;
  /** Absolute path of the file, or null for an in-memory config. */
  path: string | null;
  /** Relative `module:` paths resolve against this directory. */
  baseDir: string;
}

/** Parse, substitute `${env.…}`, drop disabled entries, validate. Errors name the file and key. */
export function parseRunConfig(
  source: unknown,
  options: { env?: NodeJS.ProcessEnv; origin?: string } = {},
): RunConfig {
  const origin = options.origin ?? "run config";
  const substituted = dropDisabledEntries(substituteEnvOrThrow(source, options.env ?? process.env, origin));
  const parsed = RunConfigSchema.safeParse(substituted ?? {});
  if (!parsed.success) throw new ConfigError(`Invalid ${origin}: ${formatZodError(parsed.error)}`);
  return parsed.data;
}

export async function loadRunConfig(
  path: string,
  env: NodeJS.ProcessEnv = process.env,
): Promise<LoadedRunConfig> {
  const absolute = resolve(path);
  let text: string;
  try {
    text = await readFile(absolute, "utf8");
  } catch (cause) {
    throw new ConfigError(`Cannot read run config ${absolute}: ${(cause as Error).message}`, { cause });
  }
  let tree: unknown;
  try {
    tree = parseYaml(text);
  } catch (cause) {
    // The parser's message ends with a multi-line excerpt of the file; the position says enough.
    const detail =
      cause instanceof YAMLParseError ? cause.message.split("\n")[0]!.replace(/:$/, "") : String(cause);
    throw new ConfigError(`Run config ${absolute} is not valid YAML: ${detail}`, { cause });
  }
  return {
    config: parseRunConfig(tree, { env, origin: `run config ${absolute}` }),
    path: absolute,
    baseDir: dirname(absolute),
  };
}

function substituteEnvOrThrow(source: unknown, env: NodeJS.ProcessEnv, origin: string): unknown {
  try {
    return substituteEnv(source, env);
  } catch (cause) {
    throw new ConfigError(`Invalid ${origin}: ${(cause as Error).message}`, { cause });
  }
}
