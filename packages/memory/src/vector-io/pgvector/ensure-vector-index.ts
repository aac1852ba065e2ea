import type { DistanceMetric, SqlClient } from "@llama-stack-ts/api";
import { MAX_INDEXED_DIMENSION, METRIC_SQL } from "./metric-sql.ts";

const created = new Set<string>();

/**
 * A partial HNSW index for one (dimension, metric): `vector_chunks` holds every store, so each
 * dimension gets an index over `embedding::vector(d)` restricted to rows of that dimension.
 * Idempotent and safe to race (IF NOT EXISTS); remembered per process.
 */
export async function ensureVectorIndex(
  sql: SqlClient,
  dimension: number,
  metric: DistanceMetric,
  build: { m: number; efConstruction: number },
): Promise<void> {
  if (dimension > MAX_INDEXED_DIMENSION) return;
  const name = `vector_chunks_hnsw_${dimension}_${metric}`;
  if (created.has(name)) return;
  await sql.query(
    `CREATE INDEX IF NOT EXISTS ${name} ON vector_chunks USING hnsw ((embedding::vector(${dimension})) ${METRIC_SQL[metric].opclass}) WITH (m = ${build.m}, ef_construction = ${build.efConstruction}) WHERE dimension = ${dimension}`,
  );
  created.add(name);
}
