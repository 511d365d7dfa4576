CREATE TABLE `private_notes` (
	`meeting_id` text NOT NULL,
	`shape_id` text NOT NULL,
	`voter_id` text NOT NULL,
	`proof` text NOT NULL,
	`text` text NOT NULL,
	`author` text,
	`updated_at` integer NOT NULL,
	PRIMARY KEY(`meeting_id`, `shape_id`, `voter_id`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`voter_id`) REFERENCES `voters`(`id`) ON UPDATE no action ON DELETE cascade
);
