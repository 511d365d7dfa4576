CREATE TABLE `capabilities` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`role` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `capabilities_meeting_id_idx` ON `capabilities` (`meeting_id`);--> statement-breakpoint
CREATE TABLE `meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`board_id` text NOT NULL,
	`title` text NOT NULL,
	`group` text NOT NULL,
	`date` text NOT NULL,
	`format` text NOT NULL,
	`anonymous` integer NOT NULL,
	`join_code` text,
	`participant_token` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_board_id_unique` ON `meetings` (`board_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `meetings_join_code_unique` ON `meetings` (`join_code`);