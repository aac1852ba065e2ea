import { type Database, openDatabase } from "@llama-stack-ts/core";
import { startSocketPostgres } from "../helpers/pglite-socket-postgres.ts";

export interface OpenedDriver {
  database: Database;
  stop(): Promise<void>;
}

/** Every storage driver a storage contract suite runs on: embedded PGlite and `pg` over a socket. */
export const STORAGE_DRIVERS: [name: string, open: () => Promise<OpenedDriver>][] = [
  [
    "embedded PGlite",
    async () => {
      const database = await openDatabase(null, null);
      return { database, stop: () => database.close() };
    },
  ],
  [
    "PostgreSQL via pg (pglite-socket)",
    async () => {
      const postgres = await startSocketPostgres();
      const database = await openDatabase({ type: "sql_postgres", url: postgres.url, pool_size: 1 }, null);
      return {
        database,
        async stop() {
          await database.close();
          await postgres.stop();
        },
      };
    },
  ],
];
