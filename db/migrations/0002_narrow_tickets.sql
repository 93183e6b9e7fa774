ALTER TABLE `tickets` DROP COLUMN `customer_id`;--> statement-breakpoint
ALTER TABLE `tickets` DROP COLUMN `season_year`;