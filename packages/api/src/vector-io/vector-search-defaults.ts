/**
 * Search defaults, the one place they are set (upstream's values): the request schemas of
 * `/v1/vector-io/query` and `/v1/vector_stores/{id}/search` default to them, and a `VectorQuery`
 * without a ranker fuses hybrid results with RRF at `rrfImpactFactor`.
 */
export const VECTOR_SEARCH_DEFAULTS = {
  /** `/v1/vector-io/query` `params.max_chunks`. */
  maxChunks: 3,
  /** `/v1/vector_stores/{id}/search` `max_num_results`. */
  maxNumResults: 10,
  /** Results scoring below this are dropped. */
  scoreThreshold: 0,
  /** RRF: a chunk scores Σ 1/(k + rank) over the vector and keyword lists (`rrf_impact_factor`). */
  rrfImpactFactor: 60,
  /** Weighted: α·vector + (1−α)·keyword on min-max normalised scores (`weighted_search_alpha`). */
  weightedAlpha: 0.5,
} as const;
