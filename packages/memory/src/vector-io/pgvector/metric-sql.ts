import type { DistanceMetric } from "@llama-stack-ts/api";

/** pgvector operator class, distance operator, and distance → score (higher is better). */
export const METRIC_SQL: Record<
  DistanceMetric,
  { opclass: string; operator: string; score: (distance: string) => string }
> = {
  // cosine similarity in [-1, 1]
  cosine: { opclass: "vector_cosine_ops", operator: "<=>", score: (d) => `(1 - ${d})` },
  // 1 / (1 + euclidean distance) in (0, 1]
  l2: { opclass: "vector_l2_ops", operator: "<->", score: (d) => `(1 / (1 + ${d}))` },
  // the dot product (pgvector's <#> is its negative)
  inner_product: { opclass: "vector_ip_ops", operator: "<#>", score: (d) => `(-${d})` },
};

// pgvector's HNSW indexes stop at 2000 dimensions; larger stores are searched exactly.
export const MAX_INDEXED_DIMENSION = 2000;
