CREATE TABLE "jobs" (
	"id" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"status" text NOT NULL,
	"owner" text,
	"payload" jsonb NOT NULL,
	"progress" jsonb,
	"result" jsonb,
	"last_error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"max_attempts" integer NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
DROP INDEX "vector_store_files_lease_idx";--> statement-breakpoint
CREATE INDEX "jobs_claim_idx" ON "jobs" USING btree ("kind","status","created_at");--> statement-breakpoint
CREATE INDEX "jobs_finished_idx" ON "jobs" USING btree ("finished_at");--> statement-breakpoint
-- Files still waiting under the old per-row leases become ingestion jobs, run as the store's owner.
INSERT INTO "jobs" ("id", "kind", "status", "owner", "payload", "attempts", "max_attempts", "created_at")
SELECT 'job_' || replace(gen_random_uuid()::text, '-', ''), 'vector_store_file_ingestion', 'queued', s."owner",
  jsonb_build_object('vectorStoreId', f."vector_store_id", 'fileId', f."file_id",
    'access', jsonb_build_object('principal', s."owner", 'enforced', s."owner" IS NOT NULL)),
  f."attempts", 3, f."created_at"
FROM "vector_store_files" f JOIN "vector_stores" s ON s."id" = f."vector_store_id"
WHERE f."status" = 'in_progress';--> statement-breakpoint
ALTER TABLE "vector_store_files" DROP COLUMN "lease_expires_at";