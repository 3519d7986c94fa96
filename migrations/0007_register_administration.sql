CREATE TABLE "group_report" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"pupil_id" uuid,
	"kind" text NOT NULL,
	"message" text NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" uuid,
	"resolved_at" timestamp with time zone,
	"resolution" text,
	CONSTRAINT "group_report_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "group_report_kind_ck" CHECK ("group_report"."kind" in ('pupil_missing','pupil_not_in_group','wrong_teacher','other')),
	CONSTRAINT "group_report_status_ck" CHECK ("group_report"."status" in ('open','resolved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "holiday" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"school_unit_id" uuid,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "holiday_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "holiday_dates_ck" CHECK ("holiday"."start_date" <= "holiday"."end_date")
);
--> statement-breakpoint
CREATE TABLE "organiser_setting" (
	"organiser_id" uuid PRIMARY KEY NOT NULL,
	"modules" text[] DEFAULT '{grading,absence,planning,followup}'::text[] NOT NULL,
	"default_grading_periods" jsonb,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "year_rollover" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"from_school_year" text NOT NULL,
	"to_school_year" text NOT NULL,
	"changes" jsonb NOT NULL,
	"applied_by" uuid NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"undone_by" uuid,
	"undone_at" timestamp with time zone,
	CONSTRAINT "year_rollover_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
ALTER TABLE "duty" DROP CONSTRAINT "duty_unit_ck";--> statement-breakpoint
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_report" ADD CONSTRAINT "group_report_organiser_id_reported_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","reported_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_organiser_id_term_id_term_organiser_id_id_fk" FOREIGN KEY ("organiser_id","term_id") REFERENCES "public"."term"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holiday" ADD CONSTRAINT "holiday_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organiser_setting" ADD CONSTRAINT "organiser_setting_organiser_id_organiser_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organiser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_rollover" ADD CONSTRAINT "year_rollover_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "year_rollover" ADD CONSTRAINT "year_rollover_organiser_id_applied_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","applied_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "group_report_unit_ix" ON "group_report" USING btree ("organiser_id","school_unit_id","status");--> statement-breakpoint
CREATE INDEX "holiday_term_ix" ON "holiday" USING btree ("organiser_id","term_id");--> statement-breakpoint
CREATE INDEX "year_rollover_unit_ix" ON "year_rollover" USING btree ("organiser_id","school_unit_id");--> statement-breakpoint
ALTER TABLE "duty" ADD CONSTRAINT "duty_unit_ck" CHECK (case when "duty"."role" = 'analyst' then "duty"."school_unit_id" is null
    when "duty"."role" = 'administrator' then true else "duty"."school_unit_id" is not null end);