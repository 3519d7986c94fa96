CREATE TABLE "absence_investigation" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"opened_by" uuid NOT NULL,
	"opened_on" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_on" date,
	"conclusion" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_investigation_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "absence_investigation_status_ck" CHECK ("absence_investigation"."status" in ('open','closed')),
	CONSTRAINT "absence_investigation_closed_ck" CHECK (("absence_investigation"."status" = 'closed') = ("absence_investigation"."closed_on" is not null))
);
--> statement-breakpoint
CREATE TABLE "absence_investigation_entry" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"investigation_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"occurred_on" date NOT NULL,
	"follow_up_on" date,
	"text" text NOT NULL,
	"author_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "absence_investigation_entry_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "absence_investigation_entry_kind_ck" CHECK ("absence_investigation_entry"."kind" in ('contact','measure','follow_up','note'))
);
--> statement-breakpoint
CREATE TABLE "absence_report" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"reporter_role" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"from_time" time,
	"to_time" time,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "absence_report_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "absence_report_role_ck" CHECK ("absence_report"."reporter_role" in ('guardian','pupil','staff')),
	CONSTRAINT "absence_report_dates_ck" CHECK ("absence_report"."from_date" <= "absence_report"."to_date"),
	CONSTRAINT "absence_report_times_ck" CHECK (("absence_report"."from_time" is null and "absence_report"."to_time" is null)
    or ("absence_report"."from_time" is not null and "absence_report"."to_time" is not null and "absence_report"."from_time" < "absence_report"."to_time" and "absence_report"."from_date" = "absence_report"."to_date"))
);
--> statement-breakpoint
CREATE TABLE "leave_application" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"applied_by" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"decision_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "leave_application_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "leave_status_ck" CHECK ("leave_application"."status" in ('pending','granted','refused','withdrawn')),
	CONSTRAINT "leave_dates_ck" CHECK ("leave_application"."from_date" <= "leave_application"."to_date"),
	CONSTRAINT "leave_decision_ck" CHECK (("leave_application"."status" in ('granted','refused')) = ("leave_application"."decided_by" is not null))
);
--> statement-breakpoint
CREATE TABLE "lesson" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"slot_id" uuid,
	"lesson_date" date NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"minutes" smallint NOT NULL,
	"room" text,
	"cancelled_at" timestamp with time zone,
	"cancel_reason" text,
	CONSTRAINT "lesson_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "lesson_time_ck" CHECK ("lesson"."start_time" < "lesson"."end_time" and "lesson"."minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE "lesson_slot" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"term_id" uuid NOT NULL,
	"weekday" smallint NOT NULL,
	"start_time" time NOT NULL,
	"end_time" time NOT NULL,
	"room" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "lesson_slot_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "lesson_slot_weekday_ck" CHECK ("lesson_slot"."weekday" between 1 and 7),
	CONSTRAINT "lesson_slot_time_ck" CHECK ("lesson_slot"."start_time" < "lesson_slot"."end_time")
);
--> statement-breakpoint
CREATE TABLE "roll_call" (
	"organiser_id" uuid NOT NULL,
	"lesson_id" uuid NOT NULL,
	"reported_by" uuid NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "roll_call_organiser_id_lesson_id_pk" PRIMARY KEY("organiser_id","lesson_id")
);
--> statement-breakpoint
CREATE TABLE "unit_absence_setting" (
	"organiser_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"report_days_ahead" smallint DEFAULT 14 NOT NULL,
	"report_days_back" smallint DEFAULT 0 NOT NULL,
	"pupil_may_report" boolean DEFAULT false NOT NULL,
	"threshold_percent" smallint DEFAULT 10 NOT NULL,
	"short_absence_count" smallint DEFAULT 5 NOT NULL,
	"same_day_notice" boolean DEFAULT true NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "unit_absence_setting_organiser_id_school_unit_id_pk" PRIMARY KEY("organiser_id","school_unit_id"),
	CONSTRAINT "unit_absence_window_ck" CHECK ("unit_absence_setting"."report_days_ahead" between 0 and 365 and "unit_absence_setting"."report_days_back" between 0 and 31),
	CONSTRAINT "unit_absence_threshold_ck" CHECK ("unit_absence_setting"."threshold_percent" between 1 and 100 and "unit_absence_setting"."short_absence_count" between 1 and 100)
);
--> statement-breakpoint
CREATE TABLE "mail_outbox" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"notice_id" uuid,
	"to_address" text NOT NULL,
	"subject" text NOT NULL,
	"body_text" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "mail_outbox_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "mail_outbox_status_ck" CHECK ("mail_outbox"."status" in ('pending','sent','failed'))
);
--> statement-breakpoint
CREATE TABLE "notice" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"pupil_id" uuid,
	"kind" text NOT NULL,
	"day" date NOT NULL,
	"title" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"read_at" timestamp with time zone,
	CONSTRAINT "notice_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "national_test_result" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"grade_year" smallint NOT NULL,
	"school_year" text NOT NULL,
	"test_grade" text,
	"not_participated" boolean DEFAULT false NOT NULL,
	"sub_tests" jsonb,
	"registered_by" uuid NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "national_test_result_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "national_test_result_uq" UNIQUE("organiser_id","pupil_id","subject_code","grade_year","school_year"),
	CONSTRAINT "national_test_year_ck" CHECK ("national_test_result"."grade_year" in (3, 6, 9)),
	CONSTRAINT "national_test_grade_ck" CHECK ("national_test_result"."test_grade" is null or "national_test_result"."test_grade" in ('A','B','C','D','E','F')),
	CONSTRAINT "national_test_year3_ck" CHECK ("national_test_result"."grade_year" <> 3 or "national_test_result"."test_grade" is null),
	CONSTRAINT "national_test_not_participated_ck" CHECK (not "national_test_result"."not_participated" or ("national_test_result"."test_grade" is null and "national_test_result"."sub_tests" is null))
);
--> statement-breakpoint
CREATE TABLE "guardian_consent" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "guardian_consent_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "identity_link" (
	"organiser_id" uuid NOT NULL,
	"issuer" text NOT NULL,
	"subject" text NOT NULL,
	"person_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "identity_link_organiser_id_issuer_subject_pk" PRIMARY KEY("organiser_id","issuer","subject")
);
--> statement-breakpoint
ALTER TABLE "attendance_deviation" ADD COLUMN "lesson_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance_deviation" ADD COLUMN "absence_report_id" uuid;--> statement-breakpoint
ALTER TABLE "attendance_deviation" ADD COLUMN "leave_id" uuid;--> statement-breakpoint
ALTER TABLE "absence_investigation" ADD CONSTRAINT "absence_investigation_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_investigation" ADD CONSTRAINT "absence_investigation_organiser_id_opened_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","opened_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_investigation" ADD CONSTRAINT "absence_investigation_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_investigation_entry" ADD CONSTRAINT "absence_investigation_entry_organiser_id_investigation_id_absence_investigation_organiser_id_id_fk" FOREIGN KEY ("organiser_id","investigation_id") REFERENCES "public"."absence_investigation"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_investigation_entry" ADD CONSTRAINT "absence_investigation_entry_organiser_id_author_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","author_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_report" ADD CONSTRAINT "absence_report_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "absence_report" ADD CONSTRAINT "absence_report_organiser_id_reported_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","reported_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_application" ADD CONSTRAINT "leave_application_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_application" ADD CONSTRAINT "leave_application_organiser_id_applied_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","applied_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "leave_application" ADD CONSTRAINT "leave_application_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson" ADD CONSTRAINT "lesson_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson" ADD CONSTRAINT "lesson_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_slot" ADD CONSTRAINT "lesson_slot_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lesson_slot" ADD CONSTRAINT "lesson_slot_organiser_id_term_id_term_organiser_id_id_fk" FOREIGN KEY ("organiser_id","term_id") REFERENCES "public"."term"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_call" ADD CONSTRAINT "roll_call_organiser_id_lesson_id_lesson_organiser_id_id_fk" FOREIGN KEY ("organiser_id","lesson_id") REFERENCES "public"."lesson"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "roll_call" ADD CONSTRAINT "roll_call_organiser_id_reported_by_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","reported_by") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_absence_setting" ADD CONSTRAINT "unit_absence_setting_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notice" ADD CONSTRAINT "notice_organiser_id_recipient_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","recipient_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_test_result" ADD CONSTRAINT "national_test_result_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_test_result" ADD CONSTRAINT "national_test_result_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "national_test_result" ADD CONSTRAINT "national_test_result_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consent" ADD CONSTRAINT "guardian_consent_organiser_id_pupil_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","pupil_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardian_consent" ADD CONSTRAINT "guardian_consent_organiser_id_guardian_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","guardian_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "identity_link" ADD CONSTRAINT "identity_link_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "absence_investigation_pupil_ix" ON "absence_investigation" USING btree ("organiser_id","pupil_id");--> statement-breakpoint
CREATE INDEX "absence_investigation_unit_ix" ON "absence_investigation" USING btree ("organiser_id","school_unit_id","status");--> statement-breakpoint
CREATE INDEX "absence_investigation_entry_ix" ON "absence_investigation_entry" USING btree ("organiser_id","investigation_id","occurred_on");--> statement-breakpoint
CREATE INDEX "absence_report_pupil_ix" ON "absence_report" USING btree ("organiser_id","pupil_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_pupil_ix" ON "leave_application" USING btree ("organiser_id","pupil_id","from_date");--> statement-breakpoint
CREATE INDEX "leave_unit_ix" ON "leave_application" USING btree ("organiser_id","school_unit_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_slot_day_uq" ON "lesson" USING btree ("organiser_id","slot_id","lesson_date");--> statement-breakpoint
CREATE INDEX "lesson_group_day_ix" ON "lesson" USING btree ("organiser_id","group_id","lesson_date");--> statement-breakpoint
CREATE INDEX "lesson_unit_day_ix" ON "lesson" USING btree ("organiser_id","school_unit_id","lesson_date");--> statement-breakpoint
CREATE INDEX "lesson_slot_group_ix" ON "lesson_slot" USING btree ("organiser_id","group_id","term_id");--> statement-breakpoint
CREATE INDEX "mail_outbox_pending_ix" ON "mail_outbox" USING btree ("status","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notice_once_a_day_uq" ON "notice" USING btree ("organiser_id","recipient_id","kind","pupil_id","day");--> statement-breakpoint
CREATE INDEX "notice_recipient_ix" ON "notice" USING btree ("organiser_id","recipient_id","created_at");--> statement-breakpoint
CREATE INDEX "national_test_unit_ix" ON "national_test_result" USING btree ("organiser_id","school_unit_id","school_year","subject_code");--> statement-breakpoint
CREATE INDEX "guardian_consent_pupil_ix" ON "guardian_consent" USING btree ("organiser_id","pupil_id");--> statement-breakpoint
CREATE INDEX "guardian_consent_guardian_ix" ON "guardian_consent" USING btree ("organiser_id","guardian_id");--> statement-breakpoint
CREATE INDEX "identity_link_person_ix" ON "identity_link" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "attendance_deviation_lesson_uq" ON "attendance_deviation" USING btree ("organiser_id","lesson_id","pupil_id");