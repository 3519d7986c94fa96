CREATE TABLE "notice_request" (
	"organiser_id" uuid NOT NULL,
	"pupil_id" uuid NOT NULL,
	"day" date NOT NULL,
	"kind" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notice_request_organiser_id_pupil_id_day_kind_pk" PRIMARY KEY("organiser_id","pupil_id","day","kind")
);
