CREATE TABLE "idea_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "idea_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"idea_id" text NOT NULL,
	"status" text NOT NULL,
	"reason" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ideas" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"number" integer NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"owner_organisation" text DEFAULT '' NOT NULL,
	"origin_meeting_id" text,
	"origin_group" text NOT NULL,
	"origin_meeting_title" text,
	"origin_phase" text,
	"origin_snapshot_id" text,
	"origin_notes" jsonb NOT NULL,
	"description" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "idea_events" ADD CONSTRAINT "idea_events_idea_id_ideas_id_fk" FOREIGN KEY ("idea_id") REFERENCES "public"."ideas"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_origin_meeting_id_meetings_id_fk" FOREIGN KEY ("origin_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "idea_events_idea_idx" ON "idea_events" USING btree ("idea_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "ideas_number_idx" ON "ideas" USING btree ("process_id","number");--> statement-breakpoint
CREATE INDEX "ideas_origin_idx" ON "ideas" USING btree ("origin_meeting_id");