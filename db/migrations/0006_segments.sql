-- Segments (issue 12). Written by hand: drizzle-kit knows no triggers.
-- A segment's name identifies it for the user (save, rename, duplicate): one segment per name.
CREATE UNIQUE INDEX `segments_name` ON `segments` (`name`);--> statement-breakpoint
-- The export log is append-only (DOMAIN.md, Personal data): SQLite itself refuses to change or delete a line.
CREATE TRIGGER `export_log_no_update` BEFORE UPDATE ON `export_log`
BEGIN
  SELECT RAISE(ABORT, 'Le journal des exports ne se modifie pas : on y ajoute des lignes, on n''en change aucune.');
END;--> statement-breakpoint
CREATE TRIGGER `export_log_no_delete` BEFORE DELETE ON `export_log`
BEGIN
  SELECT RAISE(ABORT, 'Le journal des exports ne se modifie pas : aucune ligne ne peut en être supprimée.');
END;
