CREATE TABLE "crossings" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"from_meeting_id" text NOT NULL,
	"to_meeting_id" text NOT NULL,
	"source_shape_id" text NOT NULL,
	"text" text NOT NULL,
	"color" text NOT NULL,
	"origin_group" text NOT NULL,
	"origin_title" text NOT NULL,
	"origin_phase" text NOT NULL,
	"origin_date" text NOT NULL,
	"author" text,
	"message" text,
	"created_at" timestamp with time zone NOT NULL,
	"delivered_shape_id" text,
	"answer_text" text,
	"answered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "processes" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"organisers" text DEFAULT '' NOT NULL,
	"token_hash" text NOT NULL,
	"publication_token" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "processes_token_hash_unique" UNIQUE("token_hash"),
	CONSTRAINT "processes_publication_token_unique" UNIQUE("publication_token")
);
--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "process_id" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "carry_from" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "carried_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "crossings" ADD CONSTRAINT "crossings_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossings" ADD CONSTRAINT "crossings_from_meeting_id_meetings_id_fk" FOREIGN KEY ("from_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "crossings" ADD CONSTRAINT "crossings_to_meeting_id_meetings_id_fk" FOREIGN KEY ("to_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "crossings_once_idx" ON "crossings" USING btree ("from_meeting_id","to_meeting_id","source_shape_id");--> statement-breakpoint
CREATE INDEX "crossings_to_idx" ON "crossings" USING btree ("to_meeting_id");--> statement-breakpoint
CREATE INDEX "crossings_process_idx" ON "crossings" USING btree ("process_id","created_at");--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE set null ON UPDATE no action;