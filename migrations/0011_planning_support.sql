CREATE TABLE "central_content" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"heading" text NOT NULL,
	"text" text NOT NULL,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "curriculum_version" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"label" text NOT NULL,
	"valid_from" date NOT NULL,
	"source" text NOT NULL,
	"imported_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "curriculum_version_uq" UNIQUE("name","valid_from")
);
--> statement-breakpoint
CREATE TABLE "knowledge_requirement" (
	"id" uuid PRIMARY KEY NOT NULL,
	"stage_id" uuid NOT NULL,
	"paragraph" smallint NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"choices" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "syllabus" (
	"id" uuid PRIMARY KEY NOT NULL,
	"version_id" uuid NOT NULL,
	"code" text NOT NULL,
	"designation" text,
	"name" text NOT NULL,
	"description" text,
	"purposes" jsonb NOT NULL,
	CONSTRAINT "syllabus_uq" UNIQUE("version_id","code")
);
--> statement-breakpoint
CREATE TABLE "syllabus_stage" (
	"id" uuid PRIMARY KEY NOT NULL,
	"syllabus_id" uuid NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"year_from" smallint NOT NULL,
	"year_to" smallint NOT NULL,
	CONSTRAINT "syllabus_stage_uq" UNIQUE("syllabus_id","code"),
	CONSTRAINT "syllabus_stage_years_ck" CHECK ("syllabus_stage"."year_from" between 1 and 9 and "syllabus_stage"."year_from" <= "syllabus_stage"."year_to" and "syllabus_stage"."year_to" <= 9)
);
--> statement-breakpoint
CREATE TABLE "assessment" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"planning_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"level" text NOT NULL,
	"comment" text,
	"pupil_year" smallint NOT NULL,
	"assessed_on" date NOT NULL,
	"assessed_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "assessment_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "assessment_cell_uq" UNIQUE("organiser_id","planning_id","pupil_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "assessment_event" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"assessment_id" uuid NOT NULL,
	"level" text,
	"comment" text,
	"assessed_on" date NOT NULL,
	"assessed_by" uuid NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_event_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "assessment_scale" (
	"organiser_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"steps" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assessment_scale_organiser_id_school_unit_id_pk" PRIMARY KEY("organiser_id","school_unit_id")
);
--> statement-breakpoint
CREATE TABLE "planning" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"curriculum_version_id" uuid NOT NULL,
	"title" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"learning_html" text DEFAULT '' NOT NULL,
	"teaching_html" text DEFAULT '' NOT NULL,
	"assessment_html" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"assessments_shared" boolean DEFAULT false NOT NULL,
	"copied_from" uuid,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "planning_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "planning_status_ck" CHECK ("planning"."status" in ('draft','published')),
	CONSTRAINT "planning_period_ck" CHECK ("planning"."period_start" <= "planning"."period_end"),
	CONSTRAINT "planning_shared_ck" CHECK (not "planning"."assessments_shared" or "planning"."status" = 'published')
);
--> statement-breakpoint
CREATE TABLE "planning_content" (
	"organiser_id" uuid NOT NULL,
	"planning_id" uuid NOT NULL,
	"content_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "planning_content_organiser_id_planning_id_content_id_pk" PRIMARY KEY("organiser_id","planning_id","content_id")
);
--> statement-breakpoint
CREATE TABLE "planning_group" (
	"organiser_id" uuid NOT NULL,
	"planning_id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	CONSTRAINT "planning_group_organiser_id_planning_id_group_id_pk" PRIMARY KEY("organiser_id","planning_id","group_id")
);
--> statement-breakpoint
CREATE TABLE "planning_owner" (
	"organiser_id" uuid NOT NULL,
	"planning_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	CONSTRAINT "planning_owner_organiser_id_planning_id_person_id_pk" PRIMARY KEY("organiser_id","planning_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "planning_requirement" (
	"organiser_id" uuid NOT NULL,
	"planning_id" uuid NOT NULL,
	"requirement_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	CONSTRAINT "planning_requirement_organiser_id_planning_id_requirement_id_pk" PRIMARY KEY("organiser_id","planning_id","requirement_id")
);
--> statement-breakpoint
CREATE TABLE "action_programme" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"status" text DEFAULT 'investigation' NOT NULL,
	"investigation_reason" text NOT NULL,
	"investigation_started_on" date NOT NULL,
	"investigation_findings" text DEFAULT '' NOT NULL,
	"investigated_by" uuid NOT NULL,
	"decision" text,
	"decision_reason" text,
	"decided_by" uuid,
	"decided_on" date,
	"needs" text DEFAULT '' NOT NULL,
	"evaluate_by" date,
	"evaluation" text,
	"evaluated_on" date,
	"guardians_informed_on" date,
	"shared_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "action_programme_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "action_programme_status_ck" CHECK ("action_programme"."status" in ('investigation','no_programme','programme','evaluated')),
	CONSTRAINT "action_programme_decision_ck" CHECK (("action_programme"."status" = 'investigation') = ("action_programme"."decision" is null)
    and ("action_programme"."decision" is null or ("action_programme"."decision" in ('programme','no_programme') and "action_programme"."decided_by" is not null and "action_programme"."decided_on" is not null))
    and ("action_programme"."status" not in ('programme','evaluated') or "action_programme"."decision" = 'programme')
    and ("action_programme"."status" <> 'no_programme' or "action_programme"."decision" = 'no_programme'))
);
--> statement-breakpoint
CREATE TABLE "action_programme_measure" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"programme_id" uuid NOT NULL,
	"measure" text NOT NULL,
	"responsible_id" uuid NOT NULL,
	"follow_up_on" date NOT NULL,
	"follow_up_note" text,
	"followed_up_on" date,
	CONSTRAINT "action_programme_measure_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "development_talk" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"participants" text DEFAULT '' NOT NULL,
	"summary" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'planned' NOT NULL,
	"shared_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "development_talk_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "development_talk_status_ck" CHECK ("development_talk"."status" in ('planned','held'))
);
--> statement-breakpoint
CREATE TABLE "development_talk_comment" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"talk_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"teacher_id" uuid NOT NULL,
	"comment" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "development_talk_comment_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "development_talk_comment_uq" UNIQUE("organiser_id","talk_id","subject_code","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "development_talk_goal" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"talk_id" uuid NOT NULL,
	"goal" text NOT NULL,
	"pupil_does" text DEFAULT '' NOT NULL,
	"school_does" text DEFAULT '' NOT NULL,
	"home_does" text DEFAULT '' NOT NULL,
	"follow_up_talk_id" uuid,
	"follow_up_outcome" text,
	"follow_up_note" text,
	CONSTRAINT "development_talk_goal_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "development_talk_goal_outcome_ck" CHECK ("development_talk_goal"."follow_up_outcome" is null or "development_talk_goal"."follow_up_outcome" in ('met','partly','not_met'))
);
--> statement-breakpoint
CREATE TABLE "extra_adaptation" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"subject_code" text,
	"description" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"responsible_id" uuid NOT NULL,
	"follow_up_on" date,
	"evaluation" text,
	"evaluated_on" date,
	"shared_at" timestamp with time zone,
	"created_by" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "extra_adaptation_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "extra_adaptation_dates_ck" CHECK ("extra_adaptation"."end_date" is null or "extra_adaptation"."start_date" <= "extra_adaptation"."end_date")
);
--> statement-breakpoint
CREATE TABLE "extra_adaptation_note" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"adaptation_id" uuid NOT NULL,
	"noted_on" date NOT NULL,
	"note" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "extra_adaptation_note_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
ALTER TABLE "central_content" ADD CONSTRAINT "central_content_stage_id_syllabus_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."syllabus_stage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_requirement" ADD CONSTRAINT "knowledge_requirement_stage_id_syllabus_stage_id_fk" FOREIGN KEY ("stage_id") REFERENCES "public"."syllabus_stage"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syllabus" ADD CONSTRAINT "syllabus_version_id_curriculum_version_id_fk" FOREIGN KEY ("version_id") REFERENCES "public"."curriculum_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "syllabus_stage" ADD CONSTRAINT "syllabus_stage_syllabus_id_syllabus_id_fk" FOREIGN KEY ("syllabus_id") REFERENCES "public"."syllabus"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_organiser_id_planning_id_planning_organiser_id_id_fk" FOREIGN KEY ("organiser_id","planning_id") REFERENCES "public"."planning"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment" ADD CONSTRAINT "assessment_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assessment_scale" ADD CONSTRAINT "assessment_scale_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning" ADD CONSTRAINT "planning_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning" ADD CONSTRAINT "planning_curriculum_version_id_curriculum_version_id_fk" FOREIGN KEY ("curriculum_version_id") REFERENCES "public"."curriculum_version"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning" ADD CONSTRAINT "planning_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning" ADD CONSTRAINT "planning_organiser_id_created_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","created_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_content" ADD CONSTRAINT "planning_content_content_id_central_content_id_fk" FOREIGN KEY ("content_id") REFERENCES "public"."central_content"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_content" ADD CONSTRAINT "planning_content_organiser_id_planning_id_planning_organiser_id_id_fk" FOREIGN KEY ("organiser_id","planning_id") REFERENCES "public"."planning"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_group" ADD CONSTRAINT "planning_group_organiser_id_planning_id_planning_organiser_id_id_fk" FOREIGN KEY ("organiser_id","planning_id") REFERENCES "public"."planning"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_group" ADD CONSTRAINT "planning_group_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_owner" ADD CONSTRAINT "planning_owner_organiser_id_planning_id_planning_organiser_id_id_fk" FOREIGN KEY ("organiser_id","planning_id") REFERENCES "public"."planning"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_owner" ADD CONSTRAINT "planning_owner_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requirement" ADD CONSTRAINT "planning_requirement_requirement_id_knowledge_requirement_id_fk" FOREIGN KEY ("requirement_id") REFERENCES "public"."knowledge_requirement"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "planning_requirement" ADD CONSTRAINT "planning_requirement_organiser_id_planning_id_planning_organiser_id_id_fk" FOREIGN KEY ("organiser_id","planning_id") REFERENCES "public"."planning"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programme" ADD CONSTRAINT "action_programme_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programme" ADD CONSTRAINT "action_programme_organiser_id_investigated_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","investigated_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programme" ADD CONSTRAINT "action_programme_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programme_measure" ADD CONSTRAINT "action_programme_measure_organiser_id_programme_id_action_programme_organiser_id_id_fk" FOREIGN KEY ("organiser_id","programme_id") REFERENCES "public"."action_programme"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "action_programme_measure" ADD CONSTRAINT "action_programme_measure_organiser_id_responsible_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","responsible_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk" ADD CONSTRAINT "development_talk_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk" ADD CONSTRAINT "development_talk_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk_comment" ADD CONSTRAINT "development_talk_comment_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk_comment" ADD CONSTRAINT "development_talk_comment_organiser_id_talk_id_development_talk_organiser_id_id_fk" FOREIGN KEY ("organiser_id","talk_id") REFERENCES "public"."development_talk"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk_comment" ADD CONSTRAINT "development_talk_comment_organiser_id_teacher_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","teacher_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "development_talk_goal" ADD CONSTRAINT "development_talk_goal_organiser_id_talk_id_development_talk_organiser_id_id_fk" FOREIGN KEY ("organiser_id","talk_id") REFERENCES "public"."development_talk"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_adaptation" ADD CONSTRAINT "extra_adaptation_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_adaptation" ADD CONSTRAINT "extra_adaptation_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_adaptation" ADD CONSTRAINT "extra_adaptation_organiser_id_responsible_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","responsible_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_adaptation" ADD CONSTRAINT "extra_adaptation_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "extra_adaptation_note" ADD CONSTRAINT "extra_adaptation_note_organiser_id_adaptation_id_extra_adaptation_organiser_id_id_fk" FOREIGN KEY ("organiser_id","adaptation_id") REFERENCES "public"."extra_adaptation"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "central_content_stage_ix" ON "central_content" USING btree ("stage_id","position");--> statement-breakpoint
CREATE INDEX "knowledge_requirement_stage_ix" ON "knowledge_requirement" USING btree ("stage_id","position");--> statement-breakpoint
CREATE INDEX "assessment_pupil_ix" ON "assessment" USING btree ("organiser_id","pupil_id");--> statement-breakpoint
CREATE INDEX "assessment_event_cell_ix" ON "assessment_event" USING btree ("organiser_id","assessment_id","recorded_at");--> statement-breakpoint
CREATE INDEX "planning_unit_ix" ON "planning" USING btree ("organiser_id","school_unit_id","subject_code");--> statement-breakpoint
CREATE INDEX "planning_group_group_ix" ON "planning_group" USING btree ("organiser_id","group_id");--> statement-breakpoint
CREATE INDEX "planning_owner_person_ix" ON "planning_owner" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE INDEX "action_programme_pupil_ix" ON "action_programme" USING btree ("organiser_id","pupil_id");--> statement-breakpoint
CREATE INDEX "action_programme_unit_ix" ON "action_programme" USING btree ("organiser_id","school_unit_id","status");--> statement-breakpoint
CREATE INDEX "action_programme_measure_responsible_ix" ON "action_programme_measure" USING btree ("organiser_id","responsible_id","follow_up_on");--> statement-breakpoint
CREATE INDEX "development_talk_pupil_ix" ON "development_talk" USING btree ("organiser_id","pupil_id","held_on");--> statement-breakpoint
CREATE INDEX "extra_adaptation_pupil_ix" ON "extra_adaptation" USING btree ("organiser_id","pupil_id");--> statement-breakpoint
CREATE INDEX "extra_adaptation_responsible_ix" ON "extra_adaptation" USING btree ("organiser_id","responsible_id");