CREATE TABLE "chat_completions" (
	"id" text PRIMARY KEY NOT NULL,
	"owner" text,
	"model" text NOT NULL,
	"created_at" timestamp (6) with time zone NOT NULL,
	"completion" jsonb NOT NULL,
	"input_messages" jsonb NOT NULL
);
--> statement-breakpoint
CREATE INDEX "chat_completions_created_idx" ON "chat_completions" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "chat_completions_model_idx" ON "chat_completions" USING btree ("model");