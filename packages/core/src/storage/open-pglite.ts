import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import type { SqlClient } from "@llama-stack-ts/api";
import { drizzle } from "drizzle-orm/pglite";
import { migrate } from "drizzle-orm/pglite/migrator";
import { dataDirError } from "./data-dir-error.ts";
import type { Database } from "./database.ts";
import { acquireDirLock } from "./dir-lock.ts";
import { MIGRATIONS_FOLDER } from "./migrations-folder.ts";
import { readPgliteSeed } from "./pglite-seed.ts";
import * as schema from "./schema.ts";

/** Embedded Postgres (WASM) with pgvector; `dataDir` null keeps everything in memory. */
export async function openPglite(
  dataDir: string | null,
  options: { sharedBuffers?: string | undefined } = {},
): Promise<Database> {
  let release: (() => Promise<void>) | undefined;
  if (dataDir) {
    try {
      await mkdir(dataDir, { recursive: true });
      // PGlite has no multi-process safety: two servers on one directory would corrupt it.
      release = await acquireDirLock(dataDir);
    } catch (cause) {
      throw dataDirError(dataDir, cause);
    }
  }
  try {
    const fresh = !dataDir || !existsSync(join(dataDir, "PG_VERSION"));
    const seed = fresh ? await readPgliteSeed() : undefined;
    const client = await PGlite.create({
      ...(dataDir ? { dataDir } : {}),
      ...(seed ? { loadDataDir: seed } : {}),
      extensions: { vector },
      ...(options.sharedBuffers
        ? { startParams: [...PGlite.defaultStartParams, "-c", `shared_buffers=${options.sharedBuffers}`] }
        : {}),
    });
    const db = drizzle({ client, schema });
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    return {
      db,
      sql: pgliteSqlClient(client),
      driver: "pglite",
      location: dataDir ?? "memory",
      async close() {
        await client.close();
        await release?.();
      },
    };
  } catch (error) {
    await release?.();
    throw error;
  }
}

function pgliteSqlClient(client: PGlite | Transaction): SqlClient {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query<Row>(sql, [...params])).rows;
    },
    transaction<T>(work: (tx: SqlClient) => Promise<T>) {
      if (!("transaction" in client)) return work(pgliteSqlClient(client)); // already inside one
      return client.transaction((tx) => work(pgliteSqlClient(tx)));
    },
  };
}
