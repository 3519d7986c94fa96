CREATE TABLE "user_preference" (
	"organiser_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	CONSTRAINT "user_preference_organiser_id_person_id_key_pk" PRIMARY KEY("organiser_id","person_id","key")
);
--> statement-breakpoint
CREATE TABLE "grade" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"group_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"value" text,
	"carried_over" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'registered' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"registered_by" uuid NOT NULL,
	"registered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"confirmed_by" uuid,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "grade_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "grade_kind_ck" CHECK ("grade"."kind" in ('term','final')),
	CONSTRAINT "grade_value_ck" CHECK ("grade"."value" is null or "grade"."value" in ('A','B','C','D','E','F','-')),
	CONSTRAINT "grade_state_ck" CHECK ("grade"."state" in ('registered','confirmed','decided','locked'))
);
--> statement-breakpoint
CREATE TABLE "grade_event" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"grade_id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" uuid NOT NULL,
	"action" text NOT NULL,
	"from_value" text,
	"to_value" text,
	"from_state" text,
	"to_state" text,
	"reason" text,
	"request_id" uuid,
	CONSTRAINT "grade_event_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "grading_period" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "grading_period_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "grading_period_uq" UNIQUE("organiser_id","school_unit_id","term_id"),
	CONSTRAINT "grading_period_dates_ck" CHECK ("grading_period"."from_date" <= "grading_period"."to_date")
);
--> statement-breakpoint
CREATE TABLE "written_assessment" (
	"organiser_id" uuid NOT NULL,
	"grade_id" uuid NOT NULL,
	"knowledge_development" text DEFAULT '' NOT NULL,
	"support_measures" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"written_by" uuid NOT NULL,
	"written_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "written_assessment_organiser_id_grade_id_pk" PRIMARY KEY("organiser_id","grade_id")
);
--> statement-breakpoint
ALTER TABLE "user_preference" ADD CONSTRAINT "user_preference_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_organiser_id_term_id_term_organiser_id_id_fk" FOREIGN KEY ("organiser_id","term_id") REFERENCES "public"."term"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade" ADD CONSTRAINT "grade_organiser_id_registered_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","registered_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grade_event" ADD CONSTRAINT "grade_event_organiser_id_grade_id_grade_organiser_id_id_fk" FOREIGN KEY ("organiser_id","grade_id") REFERENCES "public"."grade"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_period" ADD CONSTRAINT "grading_period_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "grading_period" ADD CONSTRAINT "grading_period_organiser_id_term_id_term_organiser_id_id_fk" FOREIGN KEY ("organiser_id","term_id") REFERENCES "public"."term"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "written_assessment" ADD CONSTRAINT "written_assessment_organiser_id_grade_id_grade_organiser_id_id_fk" FOREIGN KEY ("organiser_id","grade_id") REFERENCES "public"."grade"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "grade_term_uq" ON "grade" USING btree ("organiser_id","pupil_id","subject_code","term_id") WHERE "grade"."kind" = 'term';--> statement-breakpoint
CREATE UNIQUE INDEX "grade_final_uq" ON "grade" USING btree ("organiser_id","pupil_id","subject_code") WHERE "grade"."kind" = 'final';--> statement-breakpoint
CREATE INDEX "grade_group_ix" ON "grade" USING btree ("organiser_id","group_id","term_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grade_event_request_uq" ON "grade_event" USING btree ("organiser_id","request_id") WHERE "grade_event"."request_id" is not null;--> statement-breakpoint
CREATE INDEX "grade_event_grade_ix" ON "grade_event" USING btree ("organiser_id","grade_id","occurred_at");