CREATE TABLE `archives` (
	`id` integer PRIMARY KEY NOT NULL,
	`season_year` integer NOT NULL,
	`file` text NOT NULL,
	`created_at` text NOT NULL,
	`tickets` integer NOT NULL,
	`checksum` text NOT NULL,
	`attached` integer DEFAULT 1 NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `archives_season_year_unique` ON `archives` (`season_year`);--> statement-breakpoint
CREATE TABLE `customer_seasons` (
	`customer_id` integer NOT NULL,
	`season_year` integer NOT NULL,
	`tickets` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	`orders` integer NOT NULL,
	`subscription_tickets` integer NOT NULL,
	PRIMARY KEY(`customer_id`, `season_year`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `customer_stats` (
	`customer_id` integer PRIMARY KEY NOT NULL,
	`lifetime_value_cents` integer NOT NULL,
	`orders` integer NOT NULL,
	`tickets` integer NOT NULL,
	`active_seasons` integer NOT NULL,
	`first_purchase` text,
	`last_purchase` text
) STRICT;
--> statement-breakpoint
CREATE TABLE `customers` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`title` text,
	`last_name` text,
	`first_name` text,
	`email` text,
	`phone` text,
	`address1` text,
	`address2` text,
	`address3` text,
	`postal_code` text,
	`city` text,
	`country` text,
	`consent_email` integer,
	`consent_email_at` text,
	`consent_email_source` text,
	`consent_sms` integer,
	`consent_sms_at` text,
	`consent_sms_source` text,
	`consent_post` integer,
	`consent_post_at` text,
	`consent_post_source` text,
	`search_text` text DEFAULT '' NOT NULL,
	`first_import_id` integer,
	`last_import_id` integer,
	`erased_at` text
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `customers_source_key` ON `customers` (`source_key`);--> statement-breakpoint
CREATE TABLE `export_log` (
	`id` integer PRIMARY KEY NOT NULL,
	`at` text NOT NULL,
	`what` text NOT NULL,
	`target` text,
	`rows` integer NOT NULL,
	`excluded` integer DEFAULT 0 NOT NULL,
	`details` text DEFAULT '{}' NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `import_presets` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`header_signature` text NOT NULL,
	`mapping` text NOT NULL,
	`options` text DEFAULT '{}' NOT NULL,
	`updated_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `import_presets_name` ON `import_presets` (`name`);--> statement-breakpoint
CREATE INDEX `import_presets_signature` ON `import_presets` (`header_signature`);--> statement-breakpoint
CREATE TABLE `import_rejects` (
	`id` integer PRIMARY KEY NOT NULL,
	`import_id` integer NOT NULL,
	`file` text NOT NULL,
	`line` integer NOT NULL,
	`column` integer,
	`raw` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
) STRICT;
--> statement-breakpoint
CREATE INDEX `import_rejects_import` ON `import_rejects` (`import_id`,`line`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` integer PRIMARY KEY NOT NULL,
	`started_at` text NOT NULL,
	`finished_at` text,
	`files` text NOT NULL,
	`preset` text,
	`status` text NOT NULL,
	`lines_read` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`summary` text DEFAULT '{}' NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `orders` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`customer_id` integer,
	`ordered_at` text,
	`channel` text,
	FOREIGN KEY (`customer_id`) REFERENCES `customers`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `orders_source_key` ON `orders` (`source_key`);--> statement-breakpoint
CREATE INDEX `orders_customer` ON `orders` (`customer_id`);--> statement-breakpoint
CREATE TABLE `performances` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`show_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`season_year` integer NOT NULL,
	`hall` text,
	`capacity` integer,
	`vat_rate_bp` integer,
	FOREIGN KEY (`show_id`) REFERENCES `shows`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `performances_source_key` ON `performances` (`source_key`);--> statement-breakpoint
CREATE INDEX `performances_season` ON `performances` (`season_year`);--> statement-breakpoint
CREATE INDEX `performances_show` ON `performances` (`show_id`);--> statement-breakpoint
CREATE TABLE `season_stats` (
	`season_year` integer PRIMARY KEY NOT NULL,
	`tickets` integer NOT NULL,
	`tickets_paid` integer NOT NULL,
	`tickets_free` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	`revenue_excl_tax_cents` integer,
	`orders` integer NOT NULL,
	`capacity` integer,
	`tickets_with_capacity` integer,
	`spectators` integer DEFAULT 0 NOT NULL,
	`new_spectators` integer DEFAULT 0 NOT NULL,
	`returning` integer DEFAULT 0 NOT NULL,
	`reactivated` integer DEFAULT 0 NOT NULL,
	`subscribers` integer DEFAULT 0 NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `segments` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`criteria` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `settings` (
	`key` text PRIMARY KEY NOT NULL,
	`value` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `shows` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`title` text NOT NULL,
	`discipline` text,
	`company` text
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `shows_source_key` ON `shows` (`source_key`);--> statement-breakpoint
CREATE TABLE `subscriptions` (
	`id` integer PRIMARY KEY NOT NULL,
	`customer_id` integer NOT NULL,
	`season_year` integer NOT NULL,
	`formula` text DEFAULT '' NOT NULL,
	`tickets` integer DEFAULT 0 NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `subscriptions_customer_season` ON `subscriptions` (`customer_id`,`season_year`,`formula`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`order_id` integer NOT NULL,
	`performance_id` integer NOT NULL,
	`customer_id` integer,
	`season_year` integer NOT NULL,
	`sold_at` text,
	`tariff` text,
	`tariff_kind` text NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`seats` integer NOT NULL,
	`is_reversal` integer DEFAULT 0 NOT NULL,
	`cancelled_seats` integer DEFAULT 0 NOT NULL,
	`reverses_ticket_id` integer,
	`valid_seats` integer DEFAULT 0 NOT NULL,
	`state` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_source_key` ON `tickets` (`source_key`);--> statement-breakpoint
CREATE INDEX `tickets_order` ON `tickets` (`order_id`,`performance_id`);--> statement-breakpoint
CREATE INDEX `tickets_performance` ON `tickets` (`performance_id`);--> statement-breakpoint
-- Written by hand (drizzle-kit knows no triggers): see `customers.searchText` in db/schema.ts.
CREATE TRIGGER `customers_search_text_stale` AFTER UPDATE OF `last_name`, `first_name`, `email`, `postal_code`, `city` ON `customers`
WHEN NEW.`search_text` IS OLD.`search_text` AND NEW.`search_text` <> '' AND (
  NEW.`last_name` IS NOT OLD.`last_name` OR NEW.`first_name` IS NOT OLD.`first_name` OR NEW.`email` IS NOT OLD.`email`
  OR NEW.`postal_code` IS NOT OLD.`postal_code` OR NEW.`city` IS NOT OLD.`city`)
BEGIN
  UPDATE `customers` SET `search_text` = '' WHERE `id` = NEW.`id`;
END;
