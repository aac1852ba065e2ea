/**
 * The Stack's database as providers see it: parameterised SQL on PGlite or PostgreSQL (same
 * dialect), so a provider can keep its data beside everything else without a driver of its own.
 */
export interface SqlClient {
  query<Row = Record<string, unknown>>(sql: string, params?: readonly unknown[]): Promise<Row[]>;
  /** Runs `work` in one transaction on one connection; `SET LOCAL` stays inside it. */
  transaction<T>(work: (tx: SqlClient) => Promise<T>): Promise<T>;
}
