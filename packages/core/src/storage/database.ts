import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema.ts";

export type StackDb = PgDatabase<PgQueryResultHKT, typeof schema>;

/** The Stack's one database: embedded PGlite or a PostgreSQL server, same schema and queries. */
export interface Database {
  db: StackDb;
  driver: "pglite" | "postgres";
  /** Where the data lives, for start-up messages (a directory, or a URL without its password). */
  location: string;
  close(): Promise<void>;
}
