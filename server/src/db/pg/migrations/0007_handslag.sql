CREATE TABLE "handslag" (
	"id" text PRIMARY KEY NOT NULL,
	"process_id" text NOT NULL,
	"title" text NOT NULL,
	"meeting_id" text,
	"initiatives" jsonb NOT NULL,
	"signed_at" timestamp with time zone,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "handslag_organisations" (
	"id" text PRIMARY KEY NOT NULL,
	"handslag_id" text NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL,
	"commitments" jsonb NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"token_hash" text NOT NULL,
	"confirmed_name" text,
	"confirmed_role" text,
	"confirmed_organisation" text,
	"confirmed_at" timestamp with time zone,
	CONSTRAINT "handslag_organisations_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "handslag" ADD CONSTRAINT "handslag_process_id_processes_id_fk" FOREIGN KEY ("process_id") REFERENCES "public"."processes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handslag" ADD CONSTRAINT "handslag_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "handslag_organisations" ADD CONSTRAINT "handslag_organisations_handslag_id_handslag_id_fk" FOREIGN KEY ("handslag_id") REFERENCES "public"."handslag"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "handslag_process_idx" ON "handslag" USING btree ("process_id","created_at");--> statement-breakpoint
CREATE INDEX "handslag_organisations_handslag_idx" ON "handslag_organisations" USING btree ("handslag_id","position");