import type { SqlClient } from "@llama-stack-ts/api";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema.ts";

export type StackDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The Stack's one database: embedded PGlite or a PostgreSQL server, same schema and queries. */
export interface Database {
  db: StackDb;
  /** Raw parameterised SQL, handed to providers (pgvector queries are raw SQL). */
  sql: SqlClient;
  driver: "pglite" | "postgres";
  /** Where the data lives, for start-up messages (a directory, or a URL without its password). */
  location: string;
  close(): Promise<void>;
}
