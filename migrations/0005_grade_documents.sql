CREATE TABLE "grade_document" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"term_id" uuid NOT NULL,
	"content" "bytea" NOT NULL,
	"sha256" text NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"signed_by" uuid,
	"signed_at" timestamp with time zone,
	"handed_out_by" uuid,
	"handed_out_at" timestamp with time zone,
	"superseded_at" timestamp with time zone,
	CONSTRAINT "grade_document_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "grade_document_kind_ck" CHECK ("grade_document"."kind" in ('term','final'))
);
--> statement-breakpoint
CREATE TABLE "attendance_deviation" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"occurred_on" date NOT NULL,
	"kind" text NOT NULL,
	"minutes" integer NOT NULL,
	"valid" boolean NOT NULL,
	"subject_code" text,
	"group_id" uuid,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "attendance_deviation_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "attendance_deviation_kind_ck" CHECK ("attendance_deviation"."kind" in ('absent','late','left_early')),
	CONSTRAINT "attendance_deviation_minutes_ck" CHECK ("attendance_deviation"."minutes" > 0)
);
--> statement-breakpoint
ALTER TABLE "grade_document" ADD CONSTRAINT "grade_document_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_document" ADD CONSTRAINT "grade_document_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendance_deviation" ADD CONSTRAINT "attendance_deviation_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "grade_document_pupil_ix" ON "grade_document" USING btree ("organiser_id","pupil_id","kind","term_id");--> statement-breakpoint
CREATE INDEX "attendance_deviation_pupil_ix" ON "attendance_deviation" USING btree ("organiser_id","pupil_id","occurred_on");