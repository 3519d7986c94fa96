CREATE TABLE "delegation" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"principal_id" uuid NOT NULL,
	"delegate_id" uuid NOT NULL,
	"decision_kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "delegation_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "delegation_dates_ck" CHECK ("delegation"."end_date" is null or "delegation"."start_date" <= "delegation"."end_date")
);
--> statement-breakpoint
CREATE TABLE "duty" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_unit_id" uuid,
	"role" text NOT NULL,
	"licensed" boolean DEFAULT false NOT NULL,
	"qualified_subjects" text[] DEFAULT '{}'::text[] NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "duty_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "duty_role_ck" CHECK ("duty"."role" in ('teacher','administrator','principal','analyst','student_health')),
	CONSTRAINT "duty_unit_ck" CHECK (("duty"."role" = 'analyst') = ("duty"."school_unit_id" is null))
);
--> statement-breakpoint
CREATE TABLE "enrolment" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_year" smallint NOT NULL,
	"school_form" text NOT NULL,
	"grades_requested" boolean DEFAULT false NOT NULL,
	"adapted_timetable" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "enrolment_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "enrolment_year_ck" CHECK ("enrolment"."school_year" between 0 and 10)
);
--> statement-breakpoint
CREATE TABLE "group_membership" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "group_membership_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "group_staff" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"group_id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"assignment" text NOT NULL,
	"grader" boolean DEFAULT false NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "group_staff_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "group_staff_assignment_ck" CHECK ("group_staff"."assignment" in ('teacher','mentor'))
);
--> statement-breakpoint
CREATE TABLE "guardianship" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"guardian_id" uuid NOT NULL,
	"child_id" uuid NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "guardianship_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
CREATE TABLE "organiser" (
	"id" uuid PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"organisation_number" text,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "person" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"civic_no" text,
	"civic_no_kind" text,
	"given_name" text NOT NULL,
	"family_name" text NOT NULL,
	"sex" text,
	"birth_date" date,
	"security_marking" text DEFAULT 'none' NOT NULL,
	"email" text,
	"phone" text,
	"work_email" text,
	"work_phone" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"status" text DEFAULT 'active' NOT NULL,
	"newly_arrived_date" date,
	"swedish_as_second_language" boolean DEFAULT false NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "person_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "person_civic_no_uq" UNIQUE("organiser_id","civic_no"),
	CONSTRAINT "person_marking_ck" CHECK ("person"."security_marking" in ('none','confidential','protected')),
	CONSTRAINT "person_kind_ck" CHECK ("person"."civic_no_kind" in ('personnummer','samordningsnummer','temporary')),
	CONSTRAINT "person_status_ck" CHECK ("person"."status" in ('active','inactive'))
);
--> statement-breakpoint
CREATE TABLE "school_unit" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"school_unit_code" text NOT NULL,
	"school_forms" text[] NOT NULL,
	"municipality_code" text,
	"street_address" text,
	"postal_code" text,
	"city" text,
	"email" text,
	"phone" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "school_unit_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "school_unit_code_uq" UNIQUE("organiser_id","school_unit_code")
);
--> statement-breakpoint
CREATE TABLE "student_group" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"name" text NOT NULL,
	"group_type" text NOT NULL,
	"subject_code" text,
	"school_year" smallint,
	"start_date" date NOT NULL,
	"end_date" date,
	CONSTRAINT "student_group_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "group_type_ck" CHECK ("student_group"."group_type" in ('class','teaching','mentor')),
	CONSTRAINT "group_subject_ck" CHECK (("student_group"."group_type" = 'teaching') = ("student_group"."subject_code" is not null))
);
--> statement-breakpoint
CREATE TABLE "subject" (
	"code" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"syllabus_code" text NOT NULL,
	"sort_order" smallint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subject_setting" (
	"organiser_id" uuid NOT NULL,
	"subject_code" text NOT NULL,
	"first_graded_year" smallint DEFAULT 6 NOT NULL,
	CONSTRAINT "subject_setting_organiser_id_subject_code_pk" PRIMARY KEY("organiser_id","subject_code"),
	CONSTRAINT "subject_setting_year_ck" CHECK ("subject_setting"."first_graded_year" between 1 and 9)
);
--> statement-breakpoint
CREATE TABLE "term" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"kind" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	CONSTRAINT "term_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "term_uq" UNIQUE("organiser_id","school_year","kind"),
	CONSTRAINT "term_kind_ck" CHECK ("term"."kind" in ('HT','VT')),
	CONSTRAINT "term_dates_ck" CHECK ("term"."start_date" <= "term"."end_date")
);
--> statement-breakpoint
CREATE TABLE "account" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"person_id" uuid NOT NULL,
	"username" text NOT NULL,
	"password_hash" text,
	"must_change_password" boolean DEFAULT false NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "account_organiser_id_id_pk" PRIMARY KEY("organiser_id","id"),
	CONSTRAINT "account_username_uq" UNIQUE("organiser_id","username"),
	CONSTRAINT "account_person_uq" UNIQUE("organiser_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"organiser_id" uuid NOT NULL,
	"key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone,
	CONSTRAINT "login_throttle_organiser_id_key_pk" PRIMARY KEY("organiser_id","key")
);
--> statement-breakpoint
CREATE TABLE "session" (
	"organiser_id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"person_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"role" text NOT NULL,
	"unit_id" uuid,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	CONSTRAINT "session_organiser_id_token_hash_pk" PRIMARY KEY("organiser_id","token_hash")
);
--> statement-breakpoint
CREATE TABLE "audit_event" (
	"organiser_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"occurred_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_person_id" uuid,
	"actor_role" text,
	"actor_unit_id" uuid,
	"action" text NOT NULL,
	"entity_type" text,
	"entity_id" text,
	"details" jsonb,
	"ip" text,
	CONSTRAINT "audit_event_organiser_id_id_pk" PRIMARY KEY("organiser_id","id")
);
--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_organiser_id_principal_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","principal_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation" ADD CONSTRAINT "delegation_organiser_id_delegate_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","delegate_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty" ADD CONSTRAINT "duty_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "duty" ADD CONSTRAINT "duty_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "enrolment" ADD CONSTRAINT "enrolment_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_membership" ADD CONSTRAINT "group_membership_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_organiser_id_group_id_student_group_organiser_id_id_fk" FOREIGN KEY ("organiser_id","group_id") REFERENCES "public"."student_group"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "group_staff" ADD CONSTRAINT "group_staff_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_organiser_id_guardian_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","guardian_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "guardianship" ADD CONSTRAINT "guardianship_organiser_id_child_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","child_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "person" ADD CONSTRAINT "person_organiser_id_organiser_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organiser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "school_unit" ADD CONSTRAINT "school_unit_organiser_id_organiser_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organiser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_group" ADD CONSTRAINT "student_group_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "student_group" ADD CONSTRAINT "student_group_organiser_id_school_unit_id_school_unit_organiser_id_id_fk" FOREIGN KEY ("organiser_id","school_unit_id") REFERENCES "public"."school_unit"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_setting" ADD CONSTRAINT "subject_setting_subject_code_subject_code_fk" FOREIGN KEY ("subject_code") REFERENCES "public"."subject"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "subject_setting" ADD CONSTRAINT "subject_setting_organiser_id_organiser_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organiser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "term" ADD CONSTRAINT "term_organiser_id_organiser_id_fk" FOREIGN KEY ("organiser_id") REFERENCES "public"."organiser"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "account" ADD CONSTRAINT "account_organiser_id_person_id_person_organiser_id_id_fk" FOREIGN KEY ("organiser_id","person_id") REFERENCES "public"."person"("organiser_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "session" ADD CONSTRAINT "session_organiser_id_account_id_account_organiser_id_id_fk" FOREIGN KEY ("organiser_id","account_id") REFERENCES "public"."account"("organiser_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "duty_person_ix" ON "duty" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE INDEX "duty_unit_ix" ON "duty" USING btree ("organiser_id","school_unit_id");--> statement-breakpoint
CREATE INDEX "enrolment_person_ix" ON "enrolment" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE INDEX "enrolment_unit_ix" ON "enrolment" USING btree ("organiser_id","school_unit_id");--> statement-breakpoint
CREATE INDEX "membership_group_ix" ON "group_membership" USING btree ("organiser_id","group_id");--> statement-breakpoint
CREATE INDEX "membership_person_ix" ON "group_membership" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE INDEX "group_staff_group_ix" ON "group_staff" USING btree ("organiser_id","group_id");--> statement-breakpoint
CREATE INDEX "group_staff_person_ix" ON "group_staff" USING btree ("organiser_id","person_id");--> statement-breakpoint
CREATE INDEX "guardianship_guardian_ix" ON "guardianship" USING btree ("organiser_id","guardian_id");--> statement-breakpoint
CREATE INDEX "guardianship_child_ix" ON "guardianship" USING btree ("organiser_id","child_id");--> statement-breakpoint
CREATE INDEX "group_unit_ix" ON "student_group" USING btree ("organiser_id","school_unit_id");--> statement-breakpoint
CREATE INDEX "session_expires_ix" ON "session" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "audit_entity_ix" ON "audit_event" USING btree ("organiser_id","entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_time_ix" ON "audit_event" USING btree ("organiser_id","occurred_at");