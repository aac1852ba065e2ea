import {
  type CallOptions,
  type DistanceMetric,
  InvalidRequestError,
  NotFoundError,
  type SqlClient,
  STORED_STRING_LIMITS,
  type VectorChunk,
  type VectorIoProvider,
  type VectorQuery,
} from "@llama-stack-ts/api";
import { assertStoredLength } from "@llama-stack-ts/provider-kit";
import { compileFilters } from "../compile-filters.ts";
import { ensureVectorIndex } from "./ensure-vector-index.ts";
import { fuseResults, type Ranked } from "./fuse-results.ts";
import { setHnswSearch } from "./hnsw-search.ts";
import { MAX_INDEXED_DIMENSION, METRIC_SQL } from "./metric-sql.ts";
import type { PgvectorConfig } from "./pgvector-config.ts";

interface StoreRow {
  id: string;
  dimension: number;
  metric: DistanceMetric;
}

interface ChunkRow {
  chunk_id: string;
  document_id: string | null;
  content: string;
  metadata: Record<string, unknown>;
  embedding?: string;
  score: number;
}

const INSERT_BATCH = 200;

/**
 * Vector stores on pgvector in the Stack's own database: one chunk table for all stores, a
 * partial HNSW index per dimension, a GIN-indexed tsvector for keyword search, jsonb attributes
 * for filters. Errors are errors: a failed query is never reported as "no results".
 */
export function createPgvectorStore(sql: SqlClient, config: PgvectorConfig): VectorIoProvider {
  const stores = new Map<string, StoreRow>();
  // PGlite has no autovacuum: without fresh statistics the planner takes a large store for a small
  // one and scans it exactly instead of using HNSW. Re-analyse after enough new rows.
  let insertedSinceAnalyze = 0;
  let rowsAtAnalyze = 0;
  const store = async (id: string): Promise<StoreRow> => {
    const cached = stores.get(id);
    if (cached) return cached;
    const [row] = await sql.query<StoreRow>(
      "SELECT id, dimension, metric FROM vector_io_stores WHERE id = $1",
      [id],
    );
    if (!row) throw new NotFoundError("Vector store", id);
    stores.set(id, row);
    return row;
  };

  return {
    async createStore({ id, dimension, metric }, _options: CallOptions) {
      const chosen = metric ?? config.distance_metric;
      await sql.query(
        "INSERT INTO vector_io_stores (id, dimension, metric) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING",
        [id, dimension, chosen],
      );
      await ensureVectorIndex(sql, dimension, chosen, {
        m: config.m,
        efConstruction: config.ef_construction,
      });
    },

    async deleteStore(id) {
      await sql.transaction(async (tx) => {
        await tx.query("DELETE FROM vector_chunks WHERE vector_store_id = $1", [id]);
        await tx.query("DELETE FROM vector_io_stores WHERE id = $1", [id]);
      });
      stores.delete(id);
    },

    async insert(id, chunks: VectorChunk[]) {
      const { dimension } = await store(id);
      for (const [i, chunk] of chunks.entries()) {
        // Indexed columns: a caller that skips the router still gets a 400, not Postgres's error.
        assertStoredLength(chunk.chunkId, STORED_STRING_LIMITS.chunkId, `chunks[${i}].chunk_id`);
        if (chunk.documentId !== undefined) {
          assertStoredLength(chunk.documentId, STORED_STRING_LIMITS.documentId, `chunks[${i}].document_id`);
        }
        if (chunk.embedding.length !== dimension) {
          throw new InvalidRequestError(
            `Chunk ${i} ('${chunk.chunkId}') has an embedding of dimension ${chunk.embedding.length}, but vector store '${id}' has dimension ${dimension}.`,
            { param: `chunks[${i}].embedding` },
          );
        }
      }
      // One transaction per call: a file's chunks appear together or not at all.
      await sql.transaction(async (tx) => {
        for (let start = 0; start < chunks.length; start += INSERT_BATCH) {
          const batch = chunks.slice(start, start + INSERT_BATCH);
          const params: unknown[] = [];
          const rows = batch.map((c) => {
            params.push(
              id,
              c.chunkId,
              c.documentId ?? null,
              c.content,
              `[${c.embedding.join(",")}]`,
              dimension,
              JSON.stringify(c.metadata),
            );
            const n = params.length;
            return `($${n - 6}, $${n - 5}, $${n - 4}, $${n - 3}, $${n - 2}::vector, $${n - 1}, $${n}::jsonb)`;
          });
          await tx.query(
            `INSERT INTO vector_chunks (vector_store_id, chunk_id, document_id, content, embedding, dimension, metadata) VALUES ${rows.join(", ")}
             ON CONFLICT (vector_store_id, chunk_id) DO UPDATE SET document_id = EXCLUDED.document_id, content = EXCLUDED.content,
               embedding = EXCLUDED.embedding, dimension = EXCLUDED.dimension, metadata = EXCLUDED.metadata`,
            params,
          );
        }
      });
      insertedSinceAnalyze += chunks.length;
      if (insertedSinceAnalyze >= Math.max(1_000, rowsAtAnalyze / 10)) {
        await sql.query("ANALYZE vector_chunks");
        rowsAtAnalyze += insertedSinceAnalyze;
        insertedSinceAnalyze = 0;
      }
    },

    async query(id, query: VectorQuery) {
      const info = await store(id);
      const k = query.k;
      const candidates = query.mode === "hybrid" ? Math.max(k * 4, 50) : k;
      const vector =
        query.mode === "keyword" ? [] : await vectorSearch(sql, info, query, candidates, config.ef_search);
      const keyword = query.mode === "vector" ? [] : await keywordSearch(sql, info.id, query, candidates);
      const ranked: Ranked[] =
        query.mode === "vector"
          ? vector
          : query.mode === "keyword"
            ? keyword
            : fuseResults(vector, keyword, query.ranker);
      const kept = ranked
        .filter((r) => r.score >= (query.scoreThreshold ?? Number.NEGATIVE_INFINITY))
        .slice(0, k);
      return {
        chunks: kept.map((r) => ({
          chunkId: r.row.chunk_id,
          content: r.row.content,
          embedding: [],
          metadata: r.row.metadata,
          documentId: r.row.document_id ?? undefined,
        })),
        scores: kept.map((r) => r.score),
      };
    },

    async listDocumentChunks(id, documentId, options) {
      await store(id);
      const rows = await sql.query<ChunkRow>(
        `SELECT chunk_id, document_id, content, metadata${options.includeEmbeddings ? ", embedding::text AS embedding" : ""}
           FROM vector_chunks WHERE vector_store_id = $1 AND document_id = $2
           ORDER BY length(chunk_id), chunk_id`, // "<file>:<n>" ids sort numerically this way
        [id, documentId],
      );
      return rows.map((row) => ({
        chunkId: row.chunk_id,
        content: row.content,
        embedding: row.embedding ? (JSON.parse(row.embedding) as number[]) : [],
        metadata: row.metadata,
        documentId: row.document_id ?? undefined,
      }));
    },

    // One statement, so one transaction: every chunk of the document changes together.
    async updateDocumentAttributes(id, documentId, update) {
      await store(id);
      await sql.query(
        "UPDATE vector_chunks SET metadata = (metadata - $3::text[]) || $4::jsonb WHERE vector_store_id = $1 AND document_id = $2",
        [id, documentId, update.remove, JSON.stringify(update.set)],
      );
    },

    async deleteDocument(id: string, documentId: string) {
      await sql.query("DELETE FROM vector_chunks WHERE vector_store_id = $1 AND document_id = $2", [
        id,
        documentId,
      ]);
    },
  } as VectorIoProvider;
}

function conditions(storeId: string, query: VectorQuery, params: unknown[]): string {
  params.push(storeId);
  const where = [`vector_store_id = $${params.length}`];
  if (query.documentIds?.length) {
    params.push(query.documentIds);
    where.push(`document_id = ANY($${params.length}::text[])`);
  }
  if (query.filters) where.push(compileFilters(query.filters, "metadata", params));
  return where.join(" AND ");
}

async function vectorSearch(
  sql: SqlClient,
  info: StoreRow,
  query: VectorQuery,
  limit: number,
  efSearch: number,
): Promise<Ranked[]> {
  const embedding = query.embedding;
  if (!embedding) throw new InvalidRequestError("Vector search needs a query embedding.", { param: "query" });
  if (embedding.length !== info.dimension) {
    throw new InvalidRequestError(
      `The query embedding has dimension ${embedding.length}, but vector store '${info.id}' has dimension ${info.dimension}.`,
      { param: "query" },
    );
  }
  const d = info.dimension;
  const metric = METRIC_SQL[info.metric];
  const params: unknown[] = [`[${embedding.join(",")}]`];
  const distance =
    d <= MAX_INDEXED_DIMENSION
      ? `(embedding::vector(${d}) ${metric.operator} $1::vector(${d}))`
      : `(embedding ${metric.operator} $1::vector)`;
  const where = `${conditions(info.id, query, params)} AND dimension = ${d}`;
  params.push(limit);
  const rows = await sql.transaction(async (tx) => {
    // ef_search grows with the index's size; filtered scans keep going until `limit` rows pass.
    // The hits are then sorted by exact distance (`+ 0`, or the planner reuses the scan's relaxed order).
    await setHnswSearch(tx, { dimension: d, metric: info.metric, floor: Math.max(efSearch, limit) });
    return tx.query<ChunkRow>(
      `SELECT * FROM (SELECT chunk_id, document_id, content, metadata, ${metric.score(distance)} AS score, ${distance} AS distance
         FROM vector_chunks WHERE ${where} ORDER BY ${distance} LIMIT $${params.length}) hits ORDER BY distance + 0`,
      params,
    );
  });
  return rows.map((row) => ({ row, score: Number(row.score) }));
}

async function keywordSearch(
  sql: SqlClient,
  storeId: string,
  query: VectorQuery,
  limit: number,
): Promise<Ranked[]> {
  const text = query.text?.trim();
  if (!text) throw new InvalidRequestError("Keyword search needs query text.", { param: "query" });
  const params: unknown[] = [text];
  // Any of the query's terms may match (OR), ranked by cover density normalised into [0, 1).
  const tsquery = `(SELECT replace(plainto_tsquery('english', $1)::text, '&', '|')::tsquery AS q)`;
  const where = conditions(storeId, query, params);
  params.push(limit);
  // Rank first on (chunk_id, tsv) alone, then read content and metadata for the winners only:
  // a common term can match thousands of chunks.
  const rows = await sql.query<ChunkRow>(
    `WITH ranked AS (
       SELECT chunk_id, ts_rank_cd(tsv, terms.q, 32) AS score
         FROM vector_chunks, ${tsquery} terms WHERE ${where} AND tsv @@ terms.q
         ORDER BY score DESC, chunk_id LIMIT $${params.length})
     SELECT c.chunk_id, c.document_id, c.content, c.metadata, ranked.score
       FROM ranked JOIN vector_chunks c ON c.vector_store_id = $2 AND c.chunk_id = ranked.chunk_id -- $2: the store (conditions puts it first)
       ORDER BY ranked.score DESC, ranked.chunk_id`,
    params,
  );
  return rows.map((row) => ({ row, score: Number(row.score) }));
}
