import { z } from "zod";

export const PgvectorConfigSchema = z.strictObject({
  /** Metric for stores that do not choose one. */
  distance_metric: z.enum(["cosine", "l2", "inner_product"]).default("cosine"),
  /** HNSW build parameters (per dimension index). */
  m: z.number().int().min(2).max(100).default(16),
  ef_construction: z.number().int().min(4).max(1000).default(64),
  /**
   * Least candidates examined per query; grows with √(rows in the dimension's HNSW index) up to
   * 1000, so recall holds as stores grow (see bench/). Higher = better recall, slower.
   */
  ef_search: z.number().int().min(1).max(1000).default(100),
});
export type PgvectorConfig = z.infer<typeof PgvectorConfigSchema>;
