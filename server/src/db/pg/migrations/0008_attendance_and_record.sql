CREATE TABLE "attendees" (
	"meeting_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"organisation" text,
	"sector" text,
	"joined_at" timestamp with time zone NOT NULL,
	CONSTRAINT "attendees_meeting_id_voter_id_pk" PRIMARY KEY("meeting_id","voter_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_records" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"draft" jsonb NOT NULL,
	"published" jsonb,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attendees" ADD CONSTRAINT "attendees_voter_id_voters_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."voters"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_records" ADD CONSTRAINT "meeting_records_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;