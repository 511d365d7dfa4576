CREATE TABLE `document_authors` (
	`board_id` text NOT NULL,
	`client_id` integer NOT NULL,
	`author` text NOT NULL,
	PRIMARY KEY(`board_id`, `client_id`),
	FOREIGN KEY (`board_id`) REFERENCES `boards`(`id`) ON UPDATE no action ON DELETE cascade
);
