CREATE TABLE "responses" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text,
	"model" text NOT NULL,
	"response" jsonb NOT NULL,
	"input_items" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "responses_owner_idx" ON "responses" USING btree ("owner","created_at");