CREATE TABLE "vector_store_file_batches" (
	"id" text PRIMARY KEY NOT NULL,
	"vector_store_id" text NOT NULL,
	"file_ids" jsonb NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vector_store_files" (
	"vector_store_id" text NOT NULL,
	"file_id" text NOT NULL,
	"status" text NOT NULL,
	"attributes" jsonb NOT NULL,
	"chunking_strategy" jsonb NOT NULL,
	"last_error" jsonb,
	"usage_bytes" bigint DEFAULT 0 NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "vector_store_files_vector_store_id_file_id_pk" PRIMARY KEY("vector_store_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "vector_stores" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text,
	"name" text,
	"provider_id" text NOT NULL,
	"embedding_model" text NOT NULL,
	"embedding_dimension" integer NOT NULL,
	"metadata" jsonb NOT NULL,
	"chunking_strategy" jsonb,
	"expires_after" jsonb,
	"expires_at" timestamp (3) with time zone,
	"last_active_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "vector_store_file_batches" ADD CONSTRAINT "vector_store_file_batches_vector_store_id_vector_stores_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "vector_store_files" ADD CONSTRAINT "vector_store_files_vector_store_id_vector_stores_id_fk" FOREIGN KEY ("vector_store_id") REFERENCES "public"."vector_stores"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "vector_store_file_batches_store_idx" ON "vector_store_file_batches" USING btree ("vector_store_id");--> statement-breakpoint
CREATE INDEX "vector_store_files_created_idx" ON "vector_store_files" USING btree ("vector_store_id","created_at","file_id");--> statement-breakpoint
CREATE INDEX "vector_stores_created_idx" ON "vector_stores" USING btree ("created_at","id");