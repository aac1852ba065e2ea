import type { DistanceMetric, SqlClient } from "@llama-stack-ts/api";
import { vectorIndexName } from "./ensure-vector-index.ts";

/** pgvector's upper bound for `hnsw.ef_search`. */
export const MAX_EF_SEARCH = 1000;

/**
 * Sets the HNSW search settings for the rest of `tx` and returns the `ef_search` chosen.
 *
 * `ef_search` is at least `floor` (the configured value, or the rows wanted if more) and grows
 * with 0.65·√(rows in the dimension's HNSW index), up to 1000: one graph holds every store of that
 * dimension, and a fixed beam that suffices at 10K rows gets trapped in the wrong region of a
 * clustered 100K-row graph (bench/, 100K rows: recall@10 0.88–0.95 at ef_search 100 on different
 * builds; 0.969–0.976 with p95 9.0–9.3 ms at 206; 0.98 but p95 11.7 ms at 317). The row count is the planner's (`reltuples`, refreshed
 * by CREATE INDEX and ANALYZE), read in the same statement, so it costs no extra round trip.
 *
 * Iterative scan (`relaxed_order`, pgvector 0.8) keeps a filtered scan going until enough rows
 * pass the filter; callers re-order the hits by distance.
 */
export async function setHnswSearch(
  tx: SqlClient,
  index: { dimension: number; metric: DistanceMetric; floor: number },
): Promise<number> {
  const [row] = await tx.query<{ ef_search: string }>(
    `SELECT set_config('hnsw.ef_search', GREATEST($1::int, LEAST(${MAX_EF_SEARCH}, ceil(0.65 * sqrt(GREATEST(COALESCE(
         (SELECT reltuples FROM pg_class WHERE oid = to_regclass($2)), 0), 0)))::int))::text, true) AS ef_search,
       set_config('hnsw.iterative_scan', 'relaxed_order', true)`,
    [index.floor, vectorIndexName(index.dimension, index.metric)],
  );
  return Number(row?.ef_search);
}
