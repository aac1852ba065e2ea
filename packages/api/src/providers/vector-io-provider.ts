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

export interface VectorQuery {
  embedding?: number[];
  text?: string;
  mode: "vector" | "keyword" | "hybrid";
  k: number;
  scoreThreshold?: number;
  filters?: Record<string, unknown>;
  ranker?: { type: "rrf"; impactFactor: number } | { type: "weighted"; alpha: number };
  /** Only chunks of these documents (files). */
  documentIds?: string[];
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
  query(
    storeId: string,
    query: VectorQuery,
    options: CallOptions,
  ): Promise<{ chunks: VectorChunk[]; scores: number[] }>;
}
