CREATE TABLE `performance_stats` (
	`performance_id` integer PRIMARY KEY NOT NULL,
	`tickets` integer NOT NULL,
	`tickets_free` integer NOT NULL,
	`revenue_cents` integer NOT NULL
) STRICT;
--> statement-breakpoint
CREATE TABLE `season_sales_days` (
	`season_year` integer NOT NULL,
	`sale_date` text NOT NULL,
	`tickets` integer NOT NULL,
	`revenue_cents` integer NOT NULL,
	PRIMARY KEY(`season_year`, `sale_date`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `season_pace` (
	`season_year` integer NOT NULL,
	`days_before` integer NOT NULL,
	`tickets` integer NOT NULL,
	PRIMARY KEY(`season_year`, `days_before`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `season_ladder` (
	`season_year` integer NOT NULL,
	`performances` integer NOT NULL,
	`spectators` integer NOT NULL,
	`new_spectators` integer NOT NULL,
	PRIMARY KEY(`season_year`, `performances`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `season_disciplines` (
	`season_year` integer NOT NULL,
	`discipline` text NOT NULL,
	`spectators` integer NOT NULL,
	PRIMARY KEY(`season_year`, `discipline`)
) STRICT;
--> statement-breakpoint
CREATE TABLE `season_places` (
	`season_year` integer NOT NULL,
	`country` text NOT NULL,
	`postal_code` text NOT NULL,
	`city` text NOT NULL,
	`spectators` integer NOT NULL,
	`tickets` integer NOT NULL,
	PRIMARY KEY(`season_year`, `country`, `postal_code`, `city`)
) STRICT;
