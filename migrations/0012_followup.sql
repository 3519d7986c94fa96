CREATE TABLE "followup_finding" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"subject_code" text,
	"grade_year" smallint,
	"target_kind" text NOT NULL,
	"target_ref" text,
	"target_label" text NOT NULL,
	"assessment" text NOT NULL,
	"cause" text DEFAULT '' NOT NULL,
	"recorded_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "followup_finding_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "followup_finding_target_ck" CHECK ("followup_finding"."target_kind" in ('unit','group','teacher','pupil_group')),
	CONSTRAINT "followup_finding_assessment_ck" CHECK ("followup_finding"."assessment" in ('justified','unjustified','investigating')),
	CONSTRAINT "followup_finding_grade_year_ck" CHECK ("followup_finding"."grade_year" is null or "followup_finding"."grade_year" in (6, 9))
);
--> statement-breakpoint
CREATE TABLE "followup_measure" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"finding_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"description" text NOT NULL,
	"responsible" text DEFAULT '' NOT NULL,
	"follow_up_date" date NOT NULL,
	"followed_up_on" date,
	"outcome" text DEFAULT '' NOT NULL,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "followup_measure_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "followup_measure_kind_ck" CHECK ("followup_measure"."kind" in ('co_assessment','competence_development','regulations','test_consultation',
    'organisation','resources','teaching_development','other'))
);
--> statement-breakpoint
CREATE TABLE "followup_reference" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"content" jsonb NOT NULL,
	"uploaded_by" uuid NOT NULL,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "followup_reference_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "followup_reflection" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"author_id" uuid NOT NULL,
	"answers" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"notes" text DEFAULT '' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "followup_reflection_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "followup_reflection_uq" UNIQUE("organiser_id","group_id","author_id")
);
--> statement-breakpoint
CREATE TABLE "pupil_background" (
	"organiser_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"parents_post_secondary" boolean,
	"foreign_background" boolean,
	"source" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "pupil_background_organiser_id_pupil_id_pk" PRIMARY KEY("organiser_id","pupil_id")
);
--> statement-breakpoint
CREATE TABLE "unit_background" (
	"organiser_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"parents_education" numeric(4, 3),
	"foreign_background_share" numeric(4, 3),
	"boys_share" numeric(4, 3),
	"newly_arrived_share" numeric(4, 3),
	"source" text NOT NULL,
	"imported_by" uuid NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "unit_background_organiser_id_school_unit_id_school_year_pk" PRIMARY KEY("organiser_id","school_unit_id","school_year"),
	CONSTRAINT "unit_background_education_ck" CHECK ("unit_background"."parents_education" is null or "unit_background"."parents_education" between 1 and 3),
	CONSTRAINT "unit_background_shares_ck" CHECK (("unit_background"."foreign_background_share" is null or "unit_background"."foreign_background_share" between 0 and 1)
    and ("unit_background"."boys_share" is null or "unit_background"."boys_share" between 0 and 1) and ("unit_background"."newly_arrived_share" is null or "unit_background"."newly_arrived_share" between 0 and 1))
);
--> statement-breakpoint
ALTER TABLE "followup_finding" ADD CONSTRAINT "followup_finding_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_finding" ADD CONSTRAINT "followup_finding_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_finding" ADD CONSTRAINT "followup_finding_organiser_id_recorded_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","recorded_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_measure" ADD CONSTRAINT "followup_measure_organiser_id_finding_id_followup_finding_organiser_id_id_fk" FOREIGN KEY ("organiser_id","finding_id") REFERENCES "public"."followup_finding"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_reflection" ADD CONSTRAINT "followup_reflection_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "followup_reflection" ADD CONSTRAINT "followup_reflection_organiser_id_author_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","author_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "pupil_background" ADD CONSTRAINT "pupil_background_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_background" ADD CONSTRAINT "unit_background_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "followup_finding_unit_ix" ON "followup_finding" USING btree ("organiser_id","school_unit_id","school_year");--> statement-breakpoint
CREATE INDEX "followup_measure_finding_ix" ON "followup_measure" USING btree ("organiser_id","finding_id");