import { VECTOR_SEARCH_DEFAULTS, type VectorRanker } from "@llama-stack-ts/api";

export interface Ranked {
  row: { chunk_id: string; document_id: string | null; content: string; metadata: Record<string, unknown> };
  score: number;
}

/**
 * Hybrid search: combine the vector and keyword lists. RRF (default, impact factor 60) scores
 * `Σ 1/(k + rank)` and is divided by its maximum `2/(k + 1)`, so a chunk first in both lists
 * scores 1. Weighted min-max normalises each list to [0, 1] and mixes `α·vector + (1−α)·keyword`.
 * Both land in [0, 1], like keyword scores and (for cosine) positive vector scores.
 */
export function fuseResults(vector: Ranked[], keyword: Ranked[], ranker: VectorRanker | undefined): Ranked[] {
  const byId = new Map<
    string,
    { row: Ranked["row"]; vector?: number; keyword?: number; vRank?: number; kRank?: number }
  >();
  for (const [i, r] of vector.entries())
    byId.set(r.row.chunk_id, { row: r.row, vector: r.score, vRank: i + 1 });
  for (const [i, r] of keyword.entries()) {
    const entry = byId.get(r.row.chunk_id) ?? { row: r.row };
    entry.keyword = r.score;
    entry.kRank = i + 1;
    byId.set(r.row.chunk_id, entry);
  }
  const entries = [...byId.values()];
  let scored: Ranked[];
  if (ranker?.type === "weighted") {
    const alpha = ranker.alpha;
    const vNorm = normaliser(vector.map((r) => r.score));
    const kNorm = normaliser(keyword.map((r) => r.score));
    scored = entries.map((e) => ({
      row: e.row,
      score:
        alpha * (e.vector === undefined ? 0 : vNorm(e.vector)) +
        (1 - alpha) * (e.keyword === undefined ? 0 : kNorm(e.keyword)),
    }));
  } else {
    const k = ranker?.type === "rrf" ? ranker.impactFactor : VECTOR_SEARCH_DEFAULTS.rrfImpactFactor;
    const max = 2 / (k + 1);
    scored = entries.map((e) => ({
      row: e.row,
      score: ((e.vRank ? 1 / (k + e.vRank) : 0) + (e.kRank ? 1 / (k + e.kRank) : 0)) / max,
    }));
  }
  return scored.sort((a, b) => b.score - a.score || a.row.chunk_id.localeCompare(b.row.chunk_id));
}

function normaliser(scores: number[]): (score: number) => number {
  const min = Math.min(...scores);
  const max = Math.max(...scores);
  return (score) => (max === min ? 1 : (score - min) / (max - min));
}
