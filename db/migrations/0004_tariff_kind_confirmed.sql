-- The kind of a tariff becomes the user's: `kind` is the kind every figure counts (the user's
-- choice once confirmed), `proposed_kind` the kind the import proposed and the key an import
-- finds the tariff by, so that a re-import never overwrites the user's choice.
-- `kind_confirmed` = 1 once the user confirmed or corrected the kind (the SIBIL declaration checks it).
ALTER TABLE `tariffs` ADD `proposed_kind` text;--> statement-breakpoint
ALTER TABLE `tariffs` ADD `kind_confirmed` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
UPDATE `tariffs` SET `proposed_kind` = `kind`;--> statement-breakpoint
DROP INDEX `tariffs_name_kind`;--> statement-breakpoint
CREATE UNIQUE INDEX `tariffs_name_proposed_kind` ON `tariffs` (`name`,`proposed_kind`);--> statement-breakpoint
-- A writer that gives no proposal (an older tool, a test helper) proposed the kind it wrote.
CREATE TRIGGER `tariffs_proposed_kind_default` AFTER INSERT ON `tariffs` WHEN NEW.`proposed_kind` IS NULL
BEGIN
  UPDATE `tariffs` SET `proposed_kind` = NEW.`kind` WHERE `id` = NEW.`id`;
END;
