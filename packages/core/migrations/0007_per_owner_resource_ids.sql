ALTER TABLE "registry_resources" ADD COLUMN "owner_key" text GENERATED ALWAYS AS (coalesce(owner, '')) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "registry_resources" DROP CONSTRAINT "registry_resources_type_identifier_pk";--> statement-breakpoint
ALTER TABLE "registry_resources" ADD CONSTRAINT "registry_resources_type_identifier_owner_key_pk" PRIMARY KEY("type","identifier","owner_key");
