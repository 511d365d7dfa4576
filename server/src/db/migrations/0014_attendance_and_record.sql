CREATE TABLE `attendees` (
	`meeting_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`organisation` text,
	`sector` text,
	`joined_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `voter_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voter_id`) REFERENCES `voters`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `meeting_records` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`draft` text NOT NULL,
	`published` text,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
