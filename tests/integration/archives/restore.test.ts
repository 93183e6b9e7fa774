/**
 * « Restaurer… » through the engine's switch of databases (databases.ts), as the app calls it:
 * after a restore the handlers work on a new connection to the restored files, and the old one is
 * closed; a refused backup leaves the open connection as it was; a backup that passes every check
 * but cannot be opened has the previous files put back and opened again.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, readdirSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appSchemaVersion } from '../../../db/open.js';
import { MANIFEST_FILE } from '../../../electron/engine/archives/backups.js';
import { DEMO_OPEN_MESSAGE } from '../../../electron/engine/archives/restore.js';
import { startEngineInProcess } from '../../../electron/engine/in-process.js';
import type { BackupManifest } from '../../../shared/archives-types.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { cloneFixture, importedFixture, type ArchiveFixture } from '../../helpers/archive-fixture.js';
import { tempDir } from '../../helpers/temp-db.js';

let f: ArchiveFixture;
/** A clone of `f` taken before any archiving: no archives folder. */
let bare: ArchiveFixture;
let seasonsAtBackup: SeasonIndicators[];
let backupFolder = '';
let archivedYear = 0;

/** Tickets in a backup folder, read straight from its files with plain SQL (main file + archives). */
function ticketsInBackup(folder: string): number {
  const manifest = JSON.parse(readFileSync(join(folder, MANIFEST_FILE), 'utf8')) as BackupManifest;
  return manifest.files.reduce((sum, file) => {
    const db = new Database(join(folder, file.path), { readonly: true });
    try {
      return sum + (db.prepare('SELECT count(*) FROM main.tickets').pluck().get() as number);
    } finally {
      db.close();
    }
  }, 0);
}

/** A copy of the backup, `edit` applied to its main file, the manifest's sizes and checksums made to match again. */
function editedBackup(edit: (main: Database.Database) => void, schemaVersion?: number): string {
  const copy = join(tempDir('parterre-backup-copy-'), 'sauvegarde');
  cpSync(backupFolder, copy, { recursive: true });
  const main = new Database(join(copy, 'parterre.sqlite'));
  edit(main);
  main.close();
  const manifestPath = join(copy, MANIFEST_FILE);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as BackupManifest;
  for (const file of manifest.files) {
    const path = join(copy, file.path);
    file.bytes = statSync(path).size;
    file.sha256 = createHash('sha256').update(readFileSync(path)).digest('hex');
  }
  if (schemaVersion !== undefined) manifest.schemaVersion = schemaVersion;
  writeFileSync(manifestPath, JSON.stringify(manifest));
  return copy;
}

const sqliteFilesIn = (folder: string) => (existsSync(folder) ? readdirSync(folder).filter((n) => n.endsWith('.sqlite')) : []);

beforeAll(async () => {
  f = await importedFixture(1500, 31);
  bare = cloneFixture(f);
  archivedYear = (await f.call('seasons.list', {}))[0].seasonYear;
  await f.call('archives.archive', { seasons: [`${archivedYear}-${archivedYear + 1}`] });
  seasonsAtBackup = await f.call('seasons.list', {});
  backupFolder = (await f.call('backups.save', { out: join(f.db.dir, 'usb') })).folder;
}, 120_000);

afterAll(async () => {
  for (const fixture of [f, bare]) {
    await fixture?.engine.databases.close();
    await fixture?.db.cleanup();
  }
});

describe('backups.restore through the dispatcher', () => {
  it('works on a new connection to the restored files; the old one is closed', async () => {
    // A change after the backup: the archive detached, its season gone from the figures.
    const [archive] = (await f.call('archives.list', {})).files;
    await f.call('archives.detach', { id: archive.id });
    expect((await f.call('seasons.list', {})).map((s) => s.seasonYear)).not.toContain(archivedYear);
    const before = f.engine.databases.current;

    const result = await f.call('backups.restore', { folder: backupFolder });

    const after = f.engine.databases.current;
    expect(after).not.toBe(before);
    expect(before.sqlite.open).toBe(false);
    expect(after.sqlite.open).toBe(true);
    expect(f.engine.databases.own).toBe(after);
    expect(readdirSync(result.previousFilesBackup)).toContain('parterre.sqlite');
    // The figures are the backup's, the archive attached again…
    expect(await f.call('seasons.list', {})).toEqual(seasonsAtBackup);
    expect((await f.call('archives.list', {})).files.map((a) => a.attached)).toEqual([true]);
    // …and the new connection sees every ticket the backup's files hold (plain SQL on both sides).
    expect(after.sqlite.prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(ticketsInBackup(backupFolder));
  });

  it('refuses a truncated backup and keeps the open connection as it was', async () => {
    const copy = join(tempDir('parterre-backup-copy-'), 'sauvegarde');
    cpSync(backupFolder, copy, { recursive: true });
    const main = join(copy, 'parterre.sqlite');
    truncateSync(main, Math.floor(statSync(main).size / 2));
    const before = f.engine.databases.current;

    f.grant([copy]);
    expect(await f.refusal('backups.restore', { folder: copy })).toMatch(/^Sauvegarde tronquée : « parterre\.sqlite »/);

    expect(f.engine.databases.current).toBe(before);
    expect(before.sqlite.open).toBe(true);
    expect(await f.call('seasons.list', {})).toEqual(seasonsAtBackup);
  });

  it('refuses a main file newer than this Parterre whatever its manifest says, before touching anything', async () => {
    const copy = editedBackup((main) => main.pragma(`user_version = ${appSchemaVersion() + 1}`));
    const before = f.engine.databases.current;
    f.grant([copy]);
    expect(await f.refusal('backups.restore', { folder: copy })).toMatch(/version plus récente de Parterre \(schéma \d+\).*Rien n’a été restauré/);
    expect(f.engine.databases.current).toBe(before);
    expect(before.sqlite.open).toBe(true);
  });

  it('refuses while the demonstration is open: a restore is for the venue’s own database', async () => {
    const own = f.engine.databases.own;
    f.engine.databases.openDemo();
    try {
      expect(await f.refusal('backups.restore', { folder: backupFolder })).toBe(DEMO_OPEN_MESSAGE);
      expect(f.engine.databases.own).toBe(own);
      expect(own.sqlite.open).toBe(true);
    } finally {
      await f.engine.databases.leaveDemo();
    }
    expect(await f.call('seasons.list', {})).toEqual(seasonsAtBackup);
  });

  it('puts the previous files back when the restored ones cannot be opened', async () => {
    // Every check passes (sizes, checksums, integrity, a schema this Parterre knows), but the
    // file's record of migrations lacks the last one its tables already have: opening it runs
    // that migration again, and SQLite refuses it (the column exists).
    const copy = editedBackup((main) => {
      main.exec('DELETE FROM __drizzle_migrations WHERE created_at = (SELECT max(created_at) FROM __drizzle_migrations)');
      main.pragma(`user_version = ${appSchemaVersion() - 1}`);
    }, appSchemaVersion() - 1);
    // Restored onto a database with no archives: the backup's archive file must not stay behind.
    const archives = join(bare.db.dir, 'archives');
    expect(sqliteFilesIn(archives)).toEqual([]);
    const seasonsBefore = await bare.call('seasons.list', {});
    // The main file holds every season; the backup's main file lacks the archived one.
    const mainTickets = (db: Database.Database) => db.prepare('SELECT count(*) FROM main.tickets').pluck().get() as number;
    const tickets = mainTickets(bare.db.sqlite);
    const backupMain = new Database(join(copy, 'parterre.sqlite'), { readonly: true });
    expect(mainTickets(backupMain)).toBeLessThan(tickets);
    backupMain.close();
    const before = bare.engine.databases.current;

    bare.grant([copy]);
    const message = await bare.refusal('backups.restore', { folder: copy });

    expect(message).toMatch(/^La sauvegarde « .* » n’a pas pu être ouverte : .*duplicate column name.* Vos fichiers d’avant la restauration ont été remis en place : rien n’a changé\.$/);
    const after = bare.engine.databases.current;
    expect(before.sqlite.open).toBe(false);
    expect(after.sqlite.open).toBe(true);
    expect(mainTickets(after.sqlite)).toBe(tickets);
    expect(await bare.call('seasons.list', {})).toEqual(seasonsBefore);
    expect((await bare.call('archives.list', {})).files).toEqual([]);
    expect(sqliteFilesIn(archives)).toEqual([]);
  });
});

describe('the in-process engine (the command line’s reading commands)', () => {
  it('closes the restored connection, not the one it opened at start', async () => {
    const dataDir = tempDir('parterre-in-process-');
    const dbPath = join(dataDir, 'parterre.sqlite');
    const engine = startEngineInProcess({ dbPath, dataDir });
    // As the command line does for the folder it was given (path-policy.ts).
    engine.grant([backupFolder]);
    const restored = await engine.call('backups.restore', { folder: backupFolder });
    expect(restored.ok).toBe(true);
    expect(await engine.call('seasons.list', {})).toEqual({ ok: true, value: seasonsAtBackup });
    // An open connection keeps its write-ahead log; closing the last one removes it.
    expect(existsSync(`${dbPath}-wal`)).toBe(true);
    await engine.close();
    expect(existsSync(`${dbPath}-wal`)).toBe(false);
  });
});
