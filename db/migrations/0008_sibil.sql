ALTER TABLE `shows` ADD `sibil_domain` text;--> statement-breakpoint
CREATE TABLE `sibil_declarations` (
	`quarter` text PRIMARY KEY NOT NULL,
	`declared_at` text NOT NULL,
	`file` text,
	`performances` integer NOT NULL,
	`tickets` integer NOT NULL,
	`revenue_cents` integer NOT NULL
) STRICT;
