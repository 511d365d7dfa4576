CREATE TABLE `voters` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `voters_meeting_id_idx` ON `voters` (`meeting_id`);