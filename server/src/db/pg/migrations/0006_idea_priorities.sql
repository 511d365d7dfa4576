CREATE TABLE "idea_priorities" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "idea_priorities_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"idea_id" text NOT NULL,
	"meeting_id" text,
	"meeting_title" text,
	"round" text NOT NULL,
	"votes" integer NOT NULL,
	"rank" integer NOT NULL,
	"of" integer NOT NULL,
	"voters" integer NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_priorities" ADD CONSTRAINT "idea_priorities_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "idea_priorities" ADD CONSTRAINT "idea_priorities_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "idea_priorities_once_idx" ON "idea_priorities" USING btree ("idea_id","meeting_id","round");--> statement-breakpoint
CREATE INDEX "idea_priorities_meeting_idx" ON "idea_priorities" USING btree ("meeting_id");