import { VECTOR_SEARCH_DEFAULTS, type VectorRanker } from "@llama-stack-ts/api";

/**
 * A request's ranker choice as the provider's `VectorRanker`: `weighted` mixes the scores, anything
 * else (`rrf`, `auto`, `normalized`, …) is RRF, as upstream does; missing parameters take the defaults.
 */
export function vectorRanker(
  type: string | undefined,
  params: { alpha?: number | undefined; impact_factor?: number | undefined } | undefined,
): VectorRanker {
  return type === "weighted"
    ? { type: "weighted", alpha: params?.alpha ?? VECTOR_SEARCH_DEFAULTS.weightedAlpha }
    : { type: "rrf", impactFactor: params?.impact_factor ?? VECTOR_SEARCH_DEFAULTS.rrfImpactFactor };
}
