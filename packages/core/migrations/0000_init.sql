CREATE TABLE "registry_resources" (
	"type" text NOT NULL,
	"identifier" text NOT NULL,
	"provider_id" text NOT NULL,
	"provider_resource_id" text,
	"owner" text,
	"source" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registry_resources_type_identifier_pk" PRIMARY KEY("type","identifier")
);
--> statement-breakpoint
CREATE INDEX "registry_resources_provider_idx" ON "registry_resources" USING btree ("type","provider_id");