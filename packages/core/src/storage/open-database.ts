import { join } from "node:path";
import { UpstreamError } from "@llama-stack-ts/api";
import type { StorageBackend } from "../config/run-config-schema.ts";
import type { Database } from "./database.ts";

/** Open the configured backend (default: PGlite under `<dataDir>/pgdata`) and apply migrations. */
export async function openDatabase(
  backend: StorageBackend | null,
  dataDir: string | null,
): Promise<Database> {
  if (backend === null || isPglite(backend)) {
    const dir = backend?.data_dir ?? (dataDir ? join(dataDir, "pgdata") : null);
    // Import only the driver in use: each costs start-up time.
    const { openPglite } = await import("./open-pglite.ts");
    return openPglite(dir, { sharedBuffers: backend?.shared_buffers ?? undefined });
  }
  const connectionString = backend.url ?? postgresUrl(backend);
  const { openPostgres } = await import("./open-postgres.ts");
  try {
    return await openPostgres({
      connectionString,
      poolSize: backend.pool_size,
      ...(backend.ssl ? { ssl: true } : {}),
    });
  } catch (cause) {
    throw new UpstreamError(`Cannot open PostgreSQL storage: ${(cause as Error).message}`, { cause });
  }
}

type PgliteBackend = Extract<StorageBackend, { type: "sql_pglite" | "kv_pglite" }>;
type PostgresBackend = Exclude<StorageBackend, PgliteBackend>;

function isPglite(backend: StorageBackend): backend is PgliteBackend {
  return backend.type === "sql_pglite" || backend.type === "kv_pglite";
}

function postgresUrl(backend: PostgresBackend): string {
  const url = new URL("postgres://localhost");
  url.hostname = backend.host ?? "localhost";
  url.port = String(backend.port ?? 5432);
  url.pathname = `/${encodeURIComponent(backend.db ?? "postgres")}`;
  if (backend.user) url.username = encodeURIComponent(backend.user);
  if (backend.password) url.password = encodeURIComponent(backend.password);
  return url.toString();
}
