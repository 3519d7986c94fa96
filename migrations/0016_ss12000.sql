CREATE TABLE "api_client" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"name" text NOT NULL,
	"secret_hash" text NOT NULL,
	"unit_ids" uuid[],
	"resources" text[] NOT NULL,
	"write_attendance" boolean DEFAULT false NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "api_client_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "api_client_client_id_uq" UNIQUE("client_id")
);
--> statement-breakpoint
CREATE TABLE "server_secret" (
	"name" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ss12000_client_report" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"api_client_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"body" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ss12000_client_report_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "ss12000_client_report_kind_ck" CHECK ("ss12000_client_report"."kind" in ('log','statistics'))
);
--> statement-breakpoint
CREATE TABLE "ss12000_entity" (
	"organiser_id" uuid NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"modified_at" timestamp with time zone NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "ss12000_entity_pk" PRIMARY KEY("organiser_id","entity_type","entity_id")
);
--> statement-breakpoint
CREATE TABLE "ss12000_import_link" (
	"organiser_id" uuid NOT NULL,
	"source_url" text NOT NULL,
	"entity_type" text NOT NULL,
	"external_id" text NOT NULL,
	"local_id" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ss12000_import_link_pk" PRIMARY KEY("organiser_id","source_url","entity_type","external_id")
);
--> statement-breakpoint
CREATE TABLE "ss12000_import_run" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"source_url" text NOT NULL,
	"source_client_id" text NOT NULL,
	"started_by" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"since" timestamp with time zone,
	"progress" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"result" jsonb,
	"error" text,
	CONSTRAINT "ss12000_import_run_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "ss12000_import_run_status_ck" CHECK ("ss12000_import_run"."status" in ('running','succeeded','failed'))
);
--> statement-breakpoint
CREATE TABLE "ss12000_subscription" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"api_client_id" uuid NOT NULL,
	"name" text NOT NULL,
	"target" text NOT NULL,
	"resource_types" text[] NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"modified_at" timestamp with time zone DEFAULT now() NOT NULL,
	"notified_up_to" timestamp with time zone DEFAULT now() NOT NULL,
	"last_delivery_at" timestamp with time zone,
	"last_delivery_status" text,
	"failures" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "ss12000_subscription_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE INDEX "ss12000_entity_modified_ix" ON "ss12000_entity" USING btree ("organiser_id","entity_type","modified_at");--> statement-breakpoint
CREATE INDEX "ss12000_entity_deleted_ix" ON "ss12000_entity" USING btree ("organiser_id","deleted_at") WHERE "ss12000_entity"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "ss12000_import_link_local_ix" ON "ss12000_import_link" USING btree ("organiser_id","entity_type","local_id");--> statement-breakpoint
CREATE INDEX "ss12000_import_run_source_ix" ON "ss12000_import_run" USING btree ("organiser_id","source_url","started_at");--> statement-breakpoint
CREATE INDEX "ss12000_subscription_client_ix" ON "ss12000_subscription" USING btree ("organiser_id","api_client_id");