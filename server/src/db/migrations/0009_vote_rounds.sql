CREATE TABLE `vote_rounds` (
	`meeting_id` text NOT NULL,
	`round` text NOT NULL,
	`page_id` text NOT NULL,
	`phase` text NOT NULL,
	`votes_per_person` integer NOT NULL,
	`voters` integer DEFAULT 0 NOT NULL,
	`results` text NOT NULL,
	`started_at` integer NOT NULL,
	`closed_at` integer,
	`revealed_at` integer,
	PRIMARY KEY(`meeting_id`, `round`),
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE cascade
);
