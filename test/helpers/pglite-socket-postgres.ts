import { PGlite } from "@electric-sql/pglite";
import { vector } from "@electric-sql/pglite-pgvector";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { readPgliteSeed } from "@llama-stack-ts/core";
import { freePort } from "./free-port.ts";

export interface SocketPostgres {
  /** A postgres:// URL that `pg` connects to. */
  url: string;
  stop(): Promise<void>;
}

/**
 * A real PostgreSQL wire endpoint (PGlite behind pglite-socket), so the `pg` driver path runs
 * without a Postgres install. It serialises queries and holds one connection at a time.
 */
export async function startSocketPostgres(
  options: { maxConnections?: number } = {},
): Promise<SocketPostgres> {
  const seed = await readPgliteSeed();
  const db = await PGlite.create({ extensions: { vector }, ...(seed ? { loadDataDir: seed } : {}) });
  const port = await freePort();
  const server = new PGLiteSocketServer({
    db,
    host: "127.0.0.1",
    port,
    maxConnections: options.maxConnections ?? 1,
  });
  await server.start();
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
