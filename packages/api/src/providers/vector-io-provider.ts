import type { VectorStoreFilter } from "../vector-stores/vector-store-filter.ts";
import type { CallOptions } from "./call-options.ts";
import type { ProviderInstance } from "./provider-module.ts";

export interface VectorChunk {
  chunkId: string;
  content: string;
  embedding: number[];
  metadata: Record<string, unknown>;
  /** The file (document) the chunk came from, for per-file deletes and filters. */
  documentId?: string | undefined;
}

export type DistanceMetric = "cosine" | "l2" | "inner_product";

export type VectorSearchMode = "vector" | "keyword" | "hybrid";

/** How hybrid search fuses its vector and keyword lists. */
export type VectorRanker = { type: "rrf"; impactFactor: number } | { type: "weighted"; alpha: number };

/**
 * One search, the same shape from the route to the provider: each route builds it from its request
 * once (defaults from `VECTOR_SEARCH_DEFAULTS`), the vector-io router adds the query embedding.
 */
export interface VectorQuery {
  mode: VectorSearchMode;
  /** Matched by keyword search; embedded with the store's model when vector search has no `embedding`. */
  text?: string;
  embedding?: number[];
  k: number;
  /** Results scoring below it are dropped; absent keeps every result. */
  scoreThreshold?: number;
  filters?: VectorStoreFilter;
  /** Absent: RRF with `VECTOR_SEARCH_DEFAULTS.rrfImpactFactor`. */
  ranker?: VectorRanker;
  /** Only chunks of these documents (files). */
  documentIds?: string[];
}

/** Best first; `scores[i]` is the score of `chunks[i]` (embeddings are not returned). */
export interface VectorQueryResult {
  chunks: VectorChunk[];
  scores: number[];
}

/** Attribute changes for every chunk of a document: keys to set, then keys to remove. */
export interface DocumentAttributesUpdate {
  set: Record<string, unknown>;
  remove: string[];
}

/** Chunk storage and search for one or more vector stores. */
export interface VectorIoProvider extends ProviderInstance {
  createStore(
    store: { id: string; dimension: number; metric?: DistanceMetric },
    options: CallOptions,
  ): Promise<void>;
  deleteStore(storeId: string, options: CallOptions): Promise<void>;
  insert(storeId: string, chunks: VectorChunk[], options: CallOptions): Promise<void>;
  /** Remove every chunk of one document (file) from a store. */
  deleteDocument?(storeId: string, documentId: string, options: CallOptions): Promise<void>;
  /** Every chunk of one document, in document order; embeddings only when asked for. */
  listDocumentChunks?(
    storeId: string,
    documentId: string,
    options: CallOptions & { includeEmbeddings?: boolean },
  ): Promise<VectorChunk[]>;
  /** Change the attributes (metadata) of every chunk of one document in place, in one transaction; nothing is re-embedded. */
  updateDocumentAttributes?(
    storeId: string,
    documentId: string,
    update: DocumentAttributesUpdate,
    options: CallOptions,
  ): Promise<void>;
  query(storeId: string, query: VectorQuery, options: CallOptions): Promise<VectorQueryResult>;
}
