ALTER TABLE `ideas` ADD `document_id` text;--> statement-breakpoint
ALTER TABLE `ideas` ADD `edit_token_hash` text;--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_document_id_unique` ON `ideas` (`document_id`);