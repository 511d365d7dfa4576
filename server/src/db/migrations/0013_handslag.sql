CREATE TABLE `handslag` (
	`id` text PRIMARY KEY NOT NULL,
	`process_id` text NOT NULL,
	`title` text NOT NULL,
	`meeting_id` text,
	`initiatives` text NOT NULL,
	`signed_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`process_id`) REFERENCES `processes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`meeting_id`) REFERENCES `meetings`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `handslag_process_idx` ON `handslag` (`process_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `handslag_organisations` (
	`id` text PRIMARY KEY NOT NULL,
	`handslag_id` text NOT NULL,
	`position` integer NOT NULL,
	`name` text NOT NULL,
	`commitments` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`token_hash` text NOT NULL,
	`confirmed_name` text,
	`confirmed_role` text,
	`confirmed_organisation` text,
	`confirmed_at` integer,
	FOREIGN KEY (`handslag_id`) REFERENCES `handslag`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `handslag_organisations_token_hash_unique` ON `handslag_organisations` (`token_hash`);--> statement-breakpoint
CREATE INDEX `handslag_organisations_handslag_idx` ON `handslag_organisations` (`handslag_id`,`position`);