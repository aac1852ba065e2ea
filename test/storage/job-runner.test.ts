import { openDatabase } from "@llama-stack-ts/core";
import { startSocketPostgres } from "../helpers/pglite-socket-postgres.ts";
import { jobRunnerSuite, type TwoHandles } from "./job-runner-suite.ts";

// Two runners stand in for two replicas: on PGlite they share the one in-process database, on
// PostgreSQL each has its own pool (two connections to one server).
const drivers: [name: string, open: () => Promise<TwoHandles>][] = [
  [
    "embedded PGlite",
    async () => {
      const database = await openDatabase(null, null);
      return { databases: [database, database], stop: () => database.close() };
    },
  ],
  [
    "PostgreSQL via pg (pglite-socket)",
    async () => {
      const postgres = await startSocketPostgres({ maxConnections: 2 });
      const open = () => openDatabase({ type: "sql_postgres", url: postgres.url, pool_size: 1 }, null);
      const first = await open();
      const second = await open();
      return {
        databases: [first, second],
        async stop() {
          await first.close();
          await second.close();
          await postgres.stop();
        },
      };
    },
  ],
];

for (const [name, open] of drivers) jobRunnerSuite(name, open);
