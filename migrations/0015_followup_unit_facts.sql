CREATE TABLE "followup_unit_fact" (
	"organiser_id" uuid NOT NULL,
	"school_unit_id" uuid NOT NULL,
	"school_year" text NOT NULL,
	"grade_year" smallint NOT NULL,
	"subject_code" text NOT NULL,
	"sex" text NOT NULL,
	"newly" text NOT NULL,
	"sva" text NOT NULL,
	"pps" text NOT NULL,
	"fb" text NOT NULL,
	"graded" integer NOT NULL,
	"c_a" integer NOT NULL,
	"c_b" integer NOT NULL,
	"c_c" integer NOT NULL,
	"c_d" integer NOT NULL,
	"c_e" integer NOT NULL,
	"c_f" integer NOT NULL,
	"c_dash" integer NOT NULL,
	"gp_sum" double precision NOT NULL,
	"n_both" integer NOT NULL,
	"n_lower" integer NOT NULL,
	"n_same" integer NOT NULL,
	"n_higher" integer NOT NULL,
	"steps" integer[] NOT NULL,
	"diff_sum" double precision NOT NULL,
	"diff_sq" double precision NOT NULL,
	"both_gp" double precision NOT NULL,
	"both_tp" double precision NOT NULL,
	"not_taken" integer NOT NULL,
	CONSTRAINT "followup_unit_fact_pk" PRIMARY KEY("organiser_id","school_unit_id","school_year","grade_year","subject_code","sex","newly","sva","pps","fb")
);
--> statement-breakpoint
CREATE INDEX "followup_unit_fact_year_ix" ON "followup_unit_fact" USING btree ("organiser_id","grade_year","school_year");--> statement-breakpoint
-- Databases whose facts were built before the unit facts existed: everything is to be built again.
INSERT INTO followup_dirty (organiser_id, school_unit_id, school_year)
SELECT DISTINCT organiser_id, school_unit_id, school_year FROM followup_fact
ON CONFLICT DO NOTHING;
