CREATE TABLE "vote_rounds" (
	"meeting_id" text NOT NULL,
	"round" text NOT NULL,
	"page_id" text NOT NULL,
	"phase" text NOT NULL,
	"votes_per_person" integer NOT NULL,
	"voters" integer DEFAULT 0 NOT NULL,
	"results" jsonb NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"revealed_at" timestamp with time zone,
	CONSTRAINT "vote_rounds_meeting_id_round_pk" PRIMARY KEY("meeting_id","round")
);
--> statement-breakpoint
ALTER TABLE "vote_rounds" ADD CONSTRAINT "vote_rounds_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;