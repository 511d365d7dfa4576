CREATE TABLE "private_notes" (
	"meeting_id" text NOT NULL,
	"shape_id" text NOT NULL,
	"voter_id" text NOT NULL,
	"proof" text NOT NULL,
	"text" text NOT NULL,
	"author" text,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "private_notes_meeting_id_shape_id_voter_id_pk" PRIMARY KEY("meeting_id","shape_id","voter_id")
);
--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "private_notes" ADD CONSTRAINT "private_notes_voter_id_voters_id_fk" FOREIGN KEY ("voter_id") REFERENCES "public"."voters"("id") ON DELETE cascade ON UPDATE no action;