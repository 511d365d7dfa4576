CREATE TABLE `crossings` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`from_meeting_id` text NOT NULL,
	`to_meeting_id` text NOT NULL,
	`source_shape_id` text NOT NULL,
	`text` text NOT NULL,
	`color` text NOT NULL,
	`origin_group` text NOT NULL,
	`origin_title` text NOT NULL,
	`origin_phase` text NOT NULL,
	`origin_date` text NOT NULL,
	`author` text,
	`message` text,
	`created_at` integer NOT NULL,
	`delivered_shape_id` text,
	`answer_text` text,
	`answered_at` integer,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`from_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`to_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `crossings_once_idx` ON `crossings` (`from_meeting_id`,`to_meeting_id`,`source_shape_id`);--> statement-breakpoint
CREATE INDEX `crossings_to_idx` ON `crossings` (`to_meeting_id`);--> statement-breakpoint
CREATE INDEX `crossings_process_idx` ON `crossings` (`process_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `processes` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`organisers` text DEFAULT '' NOT NULL,
	`token_hash` text NOT NULL,
	`publication_token` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `processes_token_hash_unique` ON `processes` (`token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `processes_publication_token_unique` ON `processes` (`publication_token`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `process_id` text REFERENCES processes(id);--> statement-breakpoint
ALTER TABLE `meetings` ADD `carry_from` text;--> statement-breakpoint
ALTER TABLE `meetings` ADD `carried_at` integer;