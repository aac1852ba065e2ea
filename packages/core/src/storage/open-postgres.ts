import type { SqlClient } from "@llama-stack-ts/api";
import { drizzle } from "drizzle-orm/node-postgres";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import pg from "pg";
import type { Database } from "./database.ts";
import { MIGRATIONS_FOLDER } from "./migrations-folder.ts";
import * as schema from "./schema.ts";

// Any constant works; replicas starting together take turns applying migrations.
const MIGRATION_LOCK_KEY = 83_210_001;

export interface PostgresOptions {
  connectionString: string;
  poolSize: number;
  ssl?: boolean;
}

/** A PostgreSQL server through `pg`; several Stack replicas may share it. */
export async function openPostgres(options: PostgresOptions): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.poolSize,
    ...(options.ssl ? { ssl: { rejectUnauthorized: false } } : {}),
  });
  try {
    const lockClient = await pool.connect();
    try {
      await lockClient.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await migrate(drizzle({ client: lockClient, schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    } finally {
      await lockClient.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]).catch(() => {});
      lockClient.release();
    }
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    db: drizzle({ client: pool, schema }),
    sql: postgresSqlClient(pool),
    driver: "postgres",
    location: redactPassword(options.connectionString),
    close: () => pool.end(),
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return "postgres";
  }
}

function postgresSqlClient(client: pg.Pool | pg.PoolClient): SqlClient {
  return {
    async query<Row>(sql: string, params: readonly unknown[] = []) {
      return (await client.query(sql, [...params])).rows as Row[];
    },
    async transaction<T>(work: (tx: SqlClient) => Promise<T>) {
      if (!(client instanceof pg.Pool)) return work(postgresSqlClient(client)); // already inside one
      const connection = await client.connect();
      try {
        await connection.query("BEGIN");
        const result = await work(postgresSqlClient(connection));
        await connection.query("COMMIT");
        return result;
      } catch (error) {
        await connection.query("ROLLBACK").catch(() => {});
        throw error;
      } finally {
        connection.release();
      }
    },
  };
}
