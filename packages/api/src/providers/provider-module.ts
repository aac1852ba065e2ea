import type { z } from "zod";
import type { ApiName } from "../common/api-name.ts";
import type { ProviderHealth } from "../inspect/inspect.ts";
import type { StackApiName, StackApis } from "../stack-apis/stack-apis.ts";
import type { SqlClient } from "./sql-client.ts";

/** What every provider instance may offer beyond its API's methods. */
export interface ProviderInstance {
  /** Cheap liveness check shown by `GET /v1/providers`; omit for "Not Implemented". */
  health?(): Promise<ProviderHealth>;
  /** Release engines, sockets and files; called once on shutdown. */
  shutdown?(): Promise<void>;
}

/** Structured logging handed to providers (JSON lines on stderr). */
export interface Logger {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

/** Everything a provider's factory receives. */
export interface ProviderContext<Config> {
  providerId: string;
  /** Already validated against the module's `configSchema`. */
  config: Config;
  /** A directory the provider may write to (under the distribution's data dir). */
  dataDir: string;
  logger: Logger;
  /** The Stack's database (PGlite or PostgreSQL); providers keep their tables in it. */
  sql: SqlClient;
  /**
   * Another API's router, typed by name: `api("inference")` is an `InferenceApi`. Call it when
   * needed, not in `create` (routers of later layers are set after providers are created). A 503
   * when the API is not enabled.
   */
  api<K extends StackApiName>(name: K): StackApis[K];
}

/**
 * A provider plug-in: built-ins and third-party modules (named by `module:` in the run config)
 * export one of these as their default export.
 */
export interface ProviderModule<Config = unknown, Instance extends ProviderInstance = ProviderInstance> {
  api: ApiName;
  /** `inline::name` or `remote::name`. */
  providerType: string;
  description: string;
  configSchema: z.ZodType<Config>;
  /** Keys of `config` whose values are secrets, redacted in `GET /v1/providers`. */
  secretKeys?: readonly string[];
  create(context: ProviderContext<Config>): Promise<Instance> | Instance;
}
