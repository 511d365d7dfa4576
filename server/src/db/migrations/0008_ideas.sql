CREATE TABLE `idea_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `idea_events_idea_idx` ON `idea_events` (`idea_id`,`id`);--> statement-breakpoint
CREATE TABLE `ideas` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`number` integer NOT NULL,
	`title` text NOT NULL,
	`status` text NOT NULL,
	`owner_organisation` text DEFAULT '' NOT NULL,
	`origin_meeting_id` text,
	`origin_group` text NOT NULL,
	`origin_meeting_title` text,
	`origin_phase` text,
	`origin_snapshot_id` text,
	`origin_notes` text NOT NULL,
	`description` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`origin_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ideas_number_idx` ON `ideas` (`process_id`,`number`);--> statement-breakpoint
CREATE INDEX `ideas_origin_idx` ON `ideas` (`origin_meeting_id`);