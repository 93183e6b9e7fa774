CREATE TABLE `tariffs` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL
) STRICT;
--> statement-breakpoint
CREATE UNIQUE INDEX `tariffs_name_kind` ON `tariffs` (`name`,`kind`);--> statement-breakpoint
INSERT INTO `tariffs` (`name`, `kind`) SELECT DISTINCT coalesce(`tariff`, ''), `tariff_kind` FROM `tickets` ORDER BY 1, 2;--> statement-breakpoint
CREATE TABLE `__new_tickets` (
	`id` integer PRIMARY KEY NOT NULL,
	`source_key` text NOT NULL,
	`order_id` integer NOT NULL,
	`performance_id` integer NOT NULL,
	`tariff_id` integer NOT NULL,
	`unit_price_cents` integer NOT NULL,
	`seats` integer NOT NULL,
	`is_reversal` integer DEFAULT 0 NOT NULL,
	`cancelled_seats` integer DEFAULT 0 NOT NULL,
	`reverses_ticket_id` integer,
	`valid_seats` integer DEFAULT 0 NOT NULL,
	`state` text,
	FOREIGN KEY (`order_id`) REFERENCES `orders`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`performance_id`) REFERENCES `performances`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tariff_id`) REFERENCES `tariffs`(`id`) ON UPDATE no action ON DELETE no action
) STRICT;
--> statement-breakpoint
INSERT INTO `__new_tickets` (`id`, `source_key`, `order_id`, `performance_id`, `tariff_id`, `unit_price_cents`, `seats`, `is_reversal`, `cancelled_seats`, `reverses_ticket_id`, `valid_seats`, `state`)
SELECT t.`id`, t.`source_key`, t.`order_id`, t.`performance_id`, f.`id`, t.`unit_price_cents`, t.`seats`, t.`is_reversal`, t.`cancelled_seats`, t.`reverses_ticket_id`, t.`valid_seats`, t.`state`
FROM `tickets` t JOIN `tariffs` f ON f.`name` = coalesce(t.`tariff`, '') AND f.`kind` = t.`tariff_kind`;--> statement-breakpoint
DROP TABLE `tickets`;--> statement-breakpoint
ALTER TABLE `__new_tickets` RENAME TO `tickets`;--> statement-breakpoint
CREATE INDEX `tickets_order` ON `tickets` (`order_id`,`performance_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_source_key` ON `tickets` (`source_key`);
