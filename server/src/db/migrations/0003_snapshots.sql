CREATE TABLE `snapshot_images` (
	`snapshot_id` text NOT NULL,
	`page_id` text NOT NULL,
	`mime` text NOT NULL,
	`data` blob NOT NULL,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`snapshot_id`, `page_id`),
	FOREIGN KEY (`snapshot_id`) REFERENCES `snapshots`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `snapshots` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`page_id` text,
	`label` text DEFAULT '' NOT NULL,
	`reason` text NOT NULL,
	`state` blob NOT NULL,
	`content` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `snapshots_meeting_idx` ON `snapshots` (`meeting_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `meetings` ADD `publication_token` text;--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_publication_token_unique` ON `meetings` (`publication_token`);