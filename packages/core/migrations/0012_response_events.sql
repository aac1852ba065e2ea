CREATE TABLE "response_events" (
	"response_id" text NOT NULL,
	"seq" integer NOT NULL,
	"run" text NOT NULL,
	"event" jsonb NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "response_events_response_id_seq_pk" PRIMARY KEY("response_id","seq")
);
--> statement-breakpoint
ALTER TABLE "response_events" ADD CONSTRAINT "response_events_response_id_responses_id_fk" FOREIGN KEY ("response_id") REFERENCES "public"."responses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "response_events_created_idx" ON "response_events" USING btree ("created_at");