CREATE TABLE "boards" (
	"id" text PRIMARY KEY NOT NULL,
	"title" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"last_seq" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "capabilities" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"role" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "document_authors" (
	"board_id" text NOT NULL,
	"client_id" bigint NOT NULL,
	"author" text NOT NULL,
	CONSTRAINT "document_authors_board_id_client_id_pk" PRIMARY KEY("board_id","client_id")
);
--> statement-breakpoint
CREATE TABLE "document_states" (
	"board_id" text PRIMARY KEY NOT NULL,
	"state" "bytea" NOT NULL,
	"merged_seq" bigint NOT NULL,
	"compacted_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "document_updates" (
	"board_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "document_updates_board_id_seq_pk" PRIMARY KEY("board_id","seq")
);
--> statement-breakpoint
CREATE TABLE "meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"board_id" text NOT NULL,
	"title" text NOT NULL,
	"group" text NOT NULL,
	"date" text NOT NULL,
	"format" text NOT NULL,
	"anonymous" boolean NOT NULL,
	"join_code" text,
	"participant_token" text NOT NULL,
	"publication_token" text,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "meetings_board_id_unique" UNIQUE("board_id"),
	CONSTRAINT "meetings_join_code_unique" UNIQUE("join_code"),
	CONSTRAINT "meetings_publication_token_unique" UNIQUE("publication_token")
);
--> statement-breakpoint
CREATE TABLE "snapshot_images" (
	"snapshot_id" text NOT NULL,
	"page_id" text NOT NULL,
	"mime" text NOT NULL,
	"data" "bytea" NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "snapshot_images_snapshot_id_page_id_pk" PRIMARY KEY("snapshot_id","page_id")
);
--> statement-breakpoint
CREATE TABLE "snapshots" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"page_id" text,
	"label" text DEFAULT '' NOT NULL,
	"reason" text NOT NULL,
	"state" "bytea" NOT NULL,
	"content" jsonb NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "voters" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"secret_hash" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "votes" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "votes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"meeting_id" text NOT NULL,
	"round" text NOT NULL,
	"voter_id" text NOT NULL,
	"shape_id" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "capabilities" ADD CONSTRAINT "capabilities_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_authors" ADD CONSTRAINT "document_authors_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_states" ADD CONSTRAINT "document_states_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "document_updates" ADD CONSTRAINT "document_updates_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meetings" ADD CONSTRAINT "meetings_board_id_boards_id_fk" FOREIGN KEY ("board_id") REFERENCES "public"."boards"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshot_images" ADD CONSTRAINT "snapshot_images_snapshot_id_snapshots_id_fk" FOREIGN KEY ("snapshot_id") REFERENCES "public"."snapshots"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "snapshots" ADD CONSTRAINT "snapshots_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "voters" ADD CONSTRAINT "voters_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "votes" ADD CONSTRAINT "votes_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "capabilities_meeting_id_idx" ON "capabilities" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "snapshots_meeting_idx" ON "snapshots" USING btree ("meeting_id","created_at");--> statement-breakpoint
CREATE INDEX "voters_meeting_id_idx" ON "voters" USING btree ("meeting_id");--> statement-breakpoint
CREATE INDEX "votes_round_idx" ON "votes" USING btree ("meeting_id","round","voter_id");