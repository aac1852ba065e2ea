import { sql } from "drizzle-orm";
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

// pgvector without a fixed dimension: one table holds every store; HNSW indexes are partial,
// one per dimension (see packages/memory/src/vector-io/pgvector/ensure-vector-index.ts).
const vector = customType<{ data: string; driverData: string }>({ dataType: () => "vector" });
const tsvector = customType<{ data: string }>({ dataType: () => "tsvector" });

/** Chunks of every vector store: text, embedding, attributes, and a tsvector for keyword search. */
export const vectorChunks = pgTable(
  "vector_chunks",
  {
    vectorStoreId: text("vector_store_id").notNull(),
    chunkId: text("chunk_id").notNull(),
    documentId: text("document_id"),
    content: text("content").notNull(),
    embedding: vector("embedding").notNull(),
    dimension: integer("dimension").notNull(),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull(),
    tsv: tsvector("tsv").notNull().generatedAlwaysAs(sql`to_tsvector('english', content)`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
  },
  (t) => [
    primaryKey({ columns: [t.vectorStoreId, t.chunkId] }),
    index("vector_chunks_document_idx").on(t.vectorStoreId, t.documentId),
    index("vector_chunks_tsv_idx").using("gin", t.tsv),
  ],
);

/** Per store: the embedding dimension and distance metric its chunks are searched with. */
export const vectorIoStores = pgTable("vector_io_stores", {
  id: text("id").primaryKey(),
  dimension: integer("dimension").notNull(),
  metric: text("metric").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().default(sql`now()`),
});
