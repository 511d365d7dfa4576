ALTER TABLE "ideas" ADD COLUMN "document_id" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD COLUMN "edit_token_hash" text;--> statement-breakpoint
ALTER TABLE "ideas" ADD CONSTRAINT "ideas_document_id_unique" UNIQUE("document_id");