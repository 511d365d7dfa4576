CREATE TABLE `idea_priorities` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idea_id` text NOT NULL,
	`meeting_id` text,
	`meeting_title` text,
	`round` text NOT NULL,
	`votes` integer NOT NULL,
	`rank` integer NOT NULL,
	`of` integer NOT NULL,
	`voters` integer NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`idea_id`) REFERENCES `ideas`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idea_priorities_once_idx` ON `idea_priorities` (`idea_id`,`meeting_id`,`round`);--> statement-breakpoint
CREATE INDEX `idea_priorities_meeting_idx` ON `idea_priorities` (`meeting_id`);