import { ApiNameSchema, ModelTypeSchema, STORED_STRING_LIMITS } from "@llama-stack-ts/api";
import { utf8Length } from "@llama-stack-ts/provider-kit";
import { z } from "zod";

const ProviderEntrySchema = z.strictObject({
  provider_id: z.string().min(1),
  provider_type: z.string().regex(/^(inline|remote)::[\w.-]+$/, "expected 'inline::name' or 'remote::name'"),
  /** A third-party provider: path (relative to the config file) or package name of a module. */
  module: z.string().min(1).optional(),
  config: z
    .record(z.string(), z.unknown())
    .nullish()
    .transform((c) => c ?? {}),
});
export type ProviderEntry = z.infer<typeof ProviderEntrySchema>;

const PgliteBackendSchema = z.strictObject({
  type: z.enum(["sql_pglite", "kv_pglite"]),
  /** Directory of the embedded database; default `<data dir>/pgdata`. */
  data_dir: z.string().nullish(),
  /**
   * Postgres page cache inside the WASM heap, e.g. `512MB`. Vector search over more chunks than fit
   * (about 100K × 384-d in the default 128MB) re-reads index pages on every query.
   */
  shared_buffers: z
    .string()
    .regex(/^\d+(kB|MB|GB)$/, "must be a size like 256MB")
    .nullish(),
});

const PostgresBackendSchema = z.strictObject({
  type: z.enum(["sql_postgres", "kv_postgres"]),
  url: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "expected a postgres:// URL")
    .nullish(),
  host: z.string().nullish(),
  port: z.coerce.number().int().positive().nullish(),
  db: z.string().nullish(),
  user: z.string().nullish(),
  password: z.string().nullish(),
  ssl: z.boolean().nullish(),
  pool_size: z.number().int().min(1).max(100).default(10),
  /** Upstream's write-queue knobs; accepted so upstream configs load, unused here. */
  table_name: z.string().nullish(),
});

const UNSUPPORTED_BACKENDS = ["kv_sqlite", "sql_sqlite", "kv_redis", "kv_mongodb"];
const BackendSchema = z.unknown().superRefine((value, ctx) => {
  const type = (value as { type?: unknown } | null)?.type;
  if (typeof type === "string" && UNSUPPORTED_BACKENDS.includes(type)) {
    ctx.addIssue({
      code: "custom",
      path: ["type"],
      message: `'${type}' is not supported by llama-stack-ts; use 'sql_pglite' (embedded, the default) or 'sql_postgres'`,
    });
  }
});

export const StorageBackendSchema = BackendSchema.pipe(
  z.discriminatedUnion("type", [PgliteBackendSchema, PostgresBackendSchema]),
);
export type StorageBackend = z.infer<typeof StorageBackendSchema>;

const StorageSchema = z.strictObject({
  backends: z.record(z.string(), StorageBackendSchema).default({}),
  stores: z
    .record(z.string(), z.looseObject({ backend: z.string(), namespace: z.string().nullish() }))
    .default({}),
});

const ApiKeySchema = z.strictObject({
  key: z.string().min(8, "API keys must be at least 8 characters"),
  principal: z
    .string()
    .min(1)
    .refine((p) => utf8Length(p) <= STORED_STRING_LIMITS.principal, {
      error: `at most ${STORED_STRING_LIMITS.principal} bytes (UTF-8): a principal owns what it registers, and is stored in indexed columns`,
    }),
  attributes: z.record(z.string(), z.array(z.string())).optional(),
});

const AuthSchema = z.strictObject({
  provider_config: z.strictObject({
    type: z.literal("api_keys", {
      error: "only 'api_keys' auth is supported (bearer tokens mapped to principals)",
    }),
    keys: z.array(ApiKeySchema).min(1),
  }),
  access_policy: z.array(z.unknown()).optional(),
});

const CorsSchema = z.union([
  z.boolean(),
  z.strictObject({
    allow_origins: z.array(z.string()).min(1),
    allow_methods: z.array(z.string()).optional(),
    allow_headers: z.array(z.string()).optional(),
    expose_headers: z.array(z.string()).optional(),
    allow_credentials: z.boolean().optional(),
    max_age: z.number().int().nonnegative().optional(),
  }),
]);

const ServerSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).default(8321),
  host: z.string().min(1).default("127.0.0.1"),
  auth: AuthSchema.nullish(),
  cors: CorsSchema.nullish(),
  /** JSON request bodies over this many bytes get 413. */
  max_request_body_bytes: z
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  tls_certfile: z.string().nullish(),
  tls_keyfile: z.string().nullish(),
  tls_cafile: z.string().nullish(),
  /** How long SIGTERM waits for in-flight requests before closing connections. */
  shutdown_grace_seconds: z.number().nonnegative().default(15),
  quota: z.unknown().optional(),
  workers: z.number().int().positive().optional(),
});

const RegisteredModelSchema = z.strictObject({
  model_id: z.string().min(1),
  provider_id: z.string().min(1),
  provider_model_id: z.string().nullish(),
  model_type: ModelTypeSchema.default("llm"),
  metadata: z.record(z.string(), z.unknown()).default({}),
  model_validation: z.boolean().nullish(),
});

const RegisteredShieldSchema = z.strictObject({
  shield_id: z.string().min(1),
  provider_id: z.string().min(1).nullish(),
  provider_shield_id: z.string().nullish(),
  params: z.record(z.string(), z.unknown()).nullish(),
});

const RegisteredVectorStoreSchema = z.strictObject({
  vector_store_id: z.string().min(1),
  embedding_model: z.string().min(1),
  embedding_dimension: z.number().int().positive().nullish(),
  provider_id: z.string().min(1).nullish(),
  provider_vector_store_id: z.string().nullish(),
  vector_store_name: z.string().nullish(),
});

const RegisteredToolGroupSchema = z.strictObject({
  toolgroup_id: z.string().min(1),
  provider_id: z.string().min(1),
  args: z.record(z.string(), z.unknown()).nullish(),
  mcp_endpoint: z.strictObject({ uri: z.string().url() }).nullish(),
});

const RegisteredResourcesSchema = z.strictObject({
  models: z.array(RegisteredModelSchema).default([]),
  shields: z.array(RegisteredShieldSchema).default([]),
  vector_stores: z.array(RegisteredVectorStoreSchema).default([]),
  tool_groups: z.array(RegisteredToolGroupSchema).default([]),
  // Upstream resource kinds this Stack does not serve yet; accepted so upstream configs load.
  datasets: z.array(z.unknown()).default([]),
  scoring_fns: z.array(z.unknown()).default([]),
  benchmarks: z.array(z.unknown()).default([]),
});

/** Upstream's run config (`config.yaml`), validated strictly so a typo names its key. */
export const RunConfigSchema = z.strictObject({
  version: z.union([z.number(), z.string()]).default(2),
  distro_name: z.string().min(1).optional(),
  image_name: z.string().min(1).optional(),
  container_image: z.string().nullish(),
  apis: z.array(ApiNameSchema).default([]),
  providers: z.record(z.string(), z.array(ProviderEntrySchema)).default({}),
  storage: StorageSchema.default({ backends: {}, stores: {} }),
  registered_resources: RegisteredResourcesSchema.default({
    models: [],
    shields: [],
    vector_stores: [],
    tool_groups: [],
    datasets: [],
    scoring_fns: [],
    benchmarks: [],
  }),
  server: ServerSchema.default({
    port: 8321,
    host: "127.0.0.1",
    max_request_body_bytes: 20 * 1024 * 1024,
    shutdown_grace_seconds: 15,
  }),
  // Owned by the memory and safety APIs; validated by those packages when they start.
  vector_stores: z.record(z.string(), z.unknown()).nullish(),
  safety: z.strictObject({ default_shield_id: z.string().nullish() }).nullish(),
  connectors: z.array(z.unknown()).nullish(),
  logging: z.unknown().optional(),
  telemetry: z.unknown().optional(),
  external_providers_dir: z.string().nullish(),
  external_apis_dir: z.string().nullish(),
});
export type RunConfig = z.infer<typeof RunConfigSchema>;
export type RunConfigInput = z.input<typeof RunConfigSchema>;
