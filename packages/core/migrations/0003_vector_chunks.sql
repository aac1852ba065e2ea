-- pgvector ships with PGlite here and must be installed on a PostgreSQL server.
CREATE EXTENSION IF NOT EXISTS vector;--> statement-breakpoint
CREATE TABLE "vector_chunks" (
	"vector_store_id" text NOT NULL,
	"chunk_id" text NOT NULL,
	"document_id" text,
	"content" text NOT NULL,
	"embedding" vector NOT NULL,
	"dimension" integer NOT NULL,
	"metadata" jsonb NOT NULL,
	"tsv" "tsvector" GENERATED ALWAYS AS (to_tsvector('english', content)) STORED NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "vector_chunks_vector_store_id_chunk_id_pk" PRIMARY KEY("vector_store_id","chunk_id")
);
--> statement-breakpoint
CREATE TABLE "vector_io_stores" (
	"id" text PRIMARY KEY NOT NULL,
	"dimension" integer NOT NULL,
	"metric" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "vector_chunks_document_idx" ON "vector_chunks" USING btree ("vector_store_id","document_id");--> statement-breakpoint
CREATE INDEX "vector_chunks_tsv_idx" ON "vector_chunks" USING gin ("tsv");