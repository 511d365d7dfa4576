CREATE TABLE `blue_list_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` text NOT NULL,
	`status` text NOT NULL,
	`comment` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`item_id`) REFERENCES `blue_list_items`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `blue_list_events_item_idx` ON `blue_list_events` (`item_id`,`id`);--> statement-breakpoint
CREATE TABLE `blue_list_items` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`number` integer NOT NULL,
	`need` text NOT NULL,
	`need_from_source` integer NOT NULL,
	`source_kind` text NOT NULL,
	`source_idea_id` text,
	`source_idea_number` integer,
	`source_idea_title` text,
	`source_meeting_id` text,
	`source_meeting_title` text,
	`source_text` text,
	`raised_to` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`source_meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `blue_list_items_number_idx` ON `blue_list_items` (`process_id`,`number`);--> statement-breakpoint
CREATE INDEX `blue_list_items_meeting_idx` ON `blue_list_items` (`source_meeting_id`);--> statement-breakpoint
CREATE TABLE `blue_list_numbers` (
	`process_id` text PRIMARY KEY NOT NULL,
	`last_number` integer NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade
);
