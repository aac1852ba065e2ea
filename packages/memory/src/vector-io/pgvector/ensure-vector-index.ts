import type { DistanceMetric, SqlClient } from "@llama-stack-ts/api";
import { MAX_INDEXED_DIMENSION, METRIC_SQL } from "./metric-sql.ts";

// Per database (one SqlClient each), not per process: a process may open several databases.
const created = new WeakMap<SqlClient, Set<string>>();

/**
 * A partial HNSW index for one (dimension, metric): `vector_chunks` holds every store, so each
 * dimension gets an index over `embedding::vector(d)` restricted to rows of that dimension.
 * Idempotent and safe to race (IF NOT EXISTS); remembered per database.
 */
export async function ensureVectorIndex(
  sql: SqlClient,
  dimension: number,
  metric: DistanceMetric,
  build: { m: number; efConstruction: number },
): Promise<void> {
  if (dimension > MAX_INDEXED_DIMENSION) return;
  const { name, sql: definition } = vectorIndexDefinition(dimension, metric, build);
  const done = created.get(sql) ?? new Set<string>();
  created.set(sql, done);
  if (done.has(name)) return;
  await sql.query(definition);
  done.add(name);
}

/** The index's name and `CREATE INDEX` statement (also used by bulk loads that build it last). */
export function vectorIndexDefinition(
  dimension: number,
  metric: DistanceMetric,
  build: { m: number; efConstruction: number },
): { name: string; sql: string } {
  const name = vectorIndexName(dimension, metric);
  return {
    name,
    sql: `CREATE INDEX IF NOT EXISTS ${name} ON vector_chunks USING hnsw ((embedding::vector(${dimension})) ${METRIC_SQL[metric].opclass}) WITH (m = ${build.m}, ef_construction = ${build.efConstruction}) WHERE dimension = ${dimension}`,
  };
}

/** The HNSW index that serves every store of this dimension and metric. */
export function vectorIndexName(dimension: number, metric: DistanceMetric): string {
  return `vector_chunks_hnsw_${dimension}_${metric}`;
}
