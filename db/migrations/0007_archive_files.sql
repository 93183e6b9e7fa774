-- Archive files (issue 13). `archives` (0000) keeps one row per archived season; this table holds
-- one row per file: where it is, whether the user wants it attached, when it was last verified,
-- and the largest id it holds per moved table, so that the main file never hands out an id an
-- archive already uses (electron/engine/archives/id-floors.ts), even while the file is detached.
CREATE TABLE `archive_files` (
	`id` integer PRIMARY KEY NOT NULL,
	`path` text NOT NULL,
	`created_at` text NOT NULL,
	`read_only` integer DEFAULT 0 NOT NULL,
	`attached` integer DEFAULT 1 NOT NULL,
	`checksum` text NOT NULL,
	`verified_at` text,
	`verified_ok` integer,
	`max_show_id` integer DEFAULT 0 NOT NULL,
	`max_performance_id` integer DEFAULT 0 NOT NULL,
	`max_order_id` integer DEFAULT 0 NOT NULL,
	`max_ticket_id` integer DEFAULT 0 NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `archive_files_path` ON `archive_files` (`path`);--> statement-breakpoint
ALTER TABLE `archives` ADD `orders` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `archives` ADD `performances` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `archives` ADD `shows` integer DEFAULT 0 NOT NULL;
