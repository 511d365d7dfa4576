ALTER TABLE `boards` ADD `last_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `document_states` ADD `merged_seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `document_updates` ADD `seq` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Number the existing log of each board 1, 2, 3, … in the order it was appended; a compacted
-- state keeps merged_seq 0 (it holds everything before the log's first entry).
UPDATE `document_updates` SET `seq` = `numbered`.`n` FROM (SELECT `id`, row_number() OVER (PARTITION BY `board_id` ORDER BY `id`) AS `n` FROM `document_updates`) AS `numbered` WHERE `numbered`.`id` = `document_updates`.`id`;--> statement-breakpoint
UPDATE `boards` SET `last_seq` = (SELECT coalesce(max(`seq`), 0) FROM `document_updates` WHERE `document_updates`.`board_id` = `boards`.`id`);--> statement-breakpoint
CREATE UNIQUE INDEX `document_updates_board_seq_idx` ON `document_updates` (`board_id`,`seq`);