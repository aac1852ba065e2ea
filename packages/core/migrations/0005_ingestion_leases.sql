ALTER TABLE "vector_store_files" ADD COLUMN "lease_expires_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "vector_store_files" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "vector_store_files_lease_idx" ON "vector_store_files" USING btree ("status","lease_expires_at");