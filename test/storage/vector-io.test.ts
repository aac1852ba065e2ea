import { openDatabase } from "@llama-stack-ts/core";
import { startSocketPostgres } from "../helpers/pglite-socket-postgres.ts";
import { vectorIoSuite } from "./vector-io-suite.ts";

vectorIoSuite("embedded PGlite", async () => {
  const database = await openDatabase(null, null);
  return { database, stop: () => database.close() };
});

vectorIoSuite("PostgreSQL via pg (pglite-socket)", async () => {
  const postgres = await startSocketPostgres();
  const database = await openDatabase({ type: "sql_postgres", url: postgres.url, pool_size: 1 }, null);
  return {
    database,
    async stop() {
      await database.close();
      await postgres.stop();
    },
  };
});
