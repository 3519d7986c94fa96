CREATE TABLE "catalogue_signature" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"signer_id" uuid NOT NULL,
	"licensed" boolean NOT NULL,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"content_sha256" text NOT NULL,
	CONSTRAINT "catalogue_signature_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "catalogue_signature_uq" UNIQUE("organiser_id","group_id","term_id","kind","signer_id"),
	CONSTRAINT "catalogue_signature_kind_ck" CHECK ("catalogue_signature"."kind" in ('term','final'))
);
--> statement-breakpoint
ALTER TABLE "grade_event" ADD COLUMN "decided_by" uuid;--> statement-breakpoint
ALTER TABLE "catalogue_signature" ADD CONSTRAINT "catalogue_signature_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalogue_signature" ADD CONSTRAINT "catalogue_signature_organiser_id_signer_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","signer_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;