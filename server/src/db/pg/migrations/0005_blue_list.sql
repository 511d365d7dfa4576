CREATE TABLE "blue_list_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "blue_list_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"item_id" text NOT NULL,
	"status" text NOT NULL,
	"comment" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blue_list_items" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"number" integer NOT NULL,
	"need" text NOT NULL,
	"need_from_source" boolean NOT NULL,
	"source_kind" text NOT NULL,
	"source_idea_id" text,
	"source_idea_number" integer,
	"source_idea_title" text,
	"source_meeting_id" text,
	"source_meeting_title" text,
	"source_text" text,
	"raised_to" text DEFAULT '' NOT NULL,
	"status" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blue_list_numbers" (
	"process_id" text PRIMARY KEY NOT NULL,
	"last_number" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "blue_list_events" ADD CONSTRAINT "blue_list_events_item_id_blue_list_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."blue_list_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blue_list_items" ADD CONSTRAINT "blue_list_items_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blue_list_items" ADD CONSTRAINT "blue_list_items_source_meeting_id_meetings_id_fk" FOREIGN KEY ("source_meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "blue_list_numbers" ADD CONSTRAINT "blue_list_numbers_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "blue_list_events_item_idx" ON "blue_list_events" USING btree ("item_id","id");--> statement-breakpoint
CREATE UNIQUE INDEX "blue_list_items_number_idx" ON "blue_list_items" USING btree ("process_id","number");--> statement-breakpoint
CREATE INDEX "blue_list_items_meeting_idx" ON "blue_list_items" USING btree ("source_meeting_id");