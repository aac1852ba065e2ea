ALTER TABLE "responses" ADD COLUMN "status" text DEFAULT 'completed' NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "background" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "responses" ADD COLUMN "heartbeat_at" timestamp (3) with time zone;--> statement-breakpoint
CREATE INDEX "responses_unfinished_idx" ON "responses" USING btree ("heartbeat_at") WHERE "responses"."status" in ('queued', 'in_progress');