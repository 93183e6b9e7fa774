import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appSchemaVersion, DEFAULT_MIGRATIONS_FOLDER, openDatabase, SchemaTooNewError } from '../../../db/open.js';
import { tempDir } from '../../helpers/temp-db.js';

const dirs: string[] = [];
const newDir = () => {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0));

/** A copy of the real migrations plus one more, as a later version of the app would ship. */
function migrationsWithOneMore(): string {
  const folder = join(newDir(), 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  const tag = '9999_later';
  journal.entries.push({ idx: journal.entries.length, version: '6', when: Date.now(), tag, breakpoints: true });
  writeFileSync(journalPath, JSON.stringify(journal));
  writeFileSync(join(folder, `${tag}.sql`), 'CREATE TABLE later_things (id INTEGER PRIMARY KEY) STRICT;');
  return folder;
}

/** A copy of the real migrations up to `count` of them, as an earlier version of the app shipped. */
function firstMigrations(count: number): string {
  const folder = join(newDir(), 'migrations');
  cpSync(DEFAULT_MIGRATIONS_FOLDER, folder, { recursive: true });
  const journalPath = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8'));
  journal.entries = journal.entries.slice(0, count);
  writeFileSync(journalPath, JSON.stringify(journal));
  return folder;
}

describe('migration 0002', () => {
  it("drops the tickets' copies of their order's customer and their performance's season, and keeps every ticket", () => {
    const path = join(newDir(), 'parterre.sqlite');
    const before = openDatabase(path, { migrationsFolder: firstMigrations(2) });
    before.sqlite.exec(`
      INSERT INTO customers (id, source_key) VALUES (1, 'C1');
      INSERT INTO shows (id, source_key, title) VALUES (1, 'S', 'Le Misanthrope');
      INSERT INTO performances (id, source_key, show_id, starts_at, season_year) VALUES (1, 'P', 1, '2024-10-12T20:30:00', 2024);
      INSERT INTO orders (id, source_key, customer_id) VALUES (1, 'O1', 1);
      INSERT INTO tickets (id, source_key, order_id, performance_id, customer_id, season_year, tariff_kind, unit_price_cents, seats, valid_seats)
        VALUES (1, 'B1', 1, 1, 1, 2024, 'full', 2500, 2, 2);`);
    before.sqlite.close();

    const after = openDatabase(path, { migrationsFolder: firstMigrations(3) });
    const columns = after.sqlite.prepare("SELECT name FROM pragma_table_info('tickets')").pluck().all();
    expect(columns).not.toContain('customer_id');
    expect(columns).not.toContain('season_year');
    expect(columns).toContain('sold_at');
    expect(after.sqlite.prepare('SELECT source_key, order_id, unit_price_cents, valid_seats FROM tickets').all()).toEqual([
      { source_key: 'B1', order_id: 1, unit_price_cents: 2500, valid_seats: 2 },
    ]);
    after.sqlite.close();
  });
});

describe('migration 0003', () => {
  it("moves the tickets' tariff names and kinds into tariffs, drops sold_at, and keeps every ticket", () => {
    const path = join(newDir(), 'parterre.sqlite');
    const before = openDatabase(path, { migrationsFolder: firstMigrations(3) });
    // Two names, one of them read as two kinds, and a ticket without a name.
    const tickets: [string, string | null, string][] = [
      ['B1', 'Plein tarif', 'full'],
      ['B2', 'Tarif réduit', 'reduced'],
      ['B3', 'Plein tarif', 'free'],
      ['B4', null, 'full'],
      ['B5', 'Plein tarif', 'full'],
    ];
    before.sqlite.exec(`
      INSERT INTO shows (id, source_key, title) VALUES (1, 'S', 'Le Misanthrope');
      INSERT INTO performances (id, source_key, show_id, starts_at, season_year) VALUES (1, 'P', 1, '2024-10-12T20:30:00', 2024);
      INSERT INTO orders (id, source_key) VALUES (1, 'O1');`);
    const insert = before.sqlite.prepare(
      `INSERT INTO tickets (source_key, order_id, performance_id, sold_at, tariff, tariff_kind, unit_price_cents, seats, valid_seats)
       VALUES (?, 1, 1, '2024-09-01T10:00:00', ?, ?, 2500, 2, 2)`,
    );
    for (const [key, tariff, kind] of tickets) insert.run(key, tariff, kind);
    before.sqlite.close();

    const after = openDatabase(path);
    const columns = after.sqlite.prepare("SELECT name FROM pragma_table_info('tickets')").pluck().all();
    for (const gone of ['sold_at', 'tariff', 'tariff_kind']) expect(columns).not.toContain(gone);
    expect(after.sqlite.prepare('SELECT name, kind FROM tariffs ORDER BY name, kind').raw().all()).toEqual([
      ['', 'full'],
      ['Plein tarif', 'free'],
      ['Plein tarif', 'full'],
      ['Tarif réduit', 'reduced'],
    ]);
    const read = after.sqlite
      .prepare('SELECT t.source_key, f.name, f.kind, t.unit_price_cents, t.valid_seats FROM tickets t JOIN tariffs f ON f.id = t.tariff_id ORDER BY t.id')
      .raw()
      .all();
    expect(read).toEqual(tickets.map(([key, tariff, kind]) => [key, tariff ?? '', kind, 2500, 2]));
    expect(after.sqlite.pragma('foreign_key_check')).toEqual([]);
    const indexes = after.sqlite.prepare("SELECT name FROM pragma_index_list('tickets') WHERE origin = 'c' ORDER BY name").pluck().all();
    expect(indexes).toEqual(['tickets_order', 'tickets_source_key']);
    after.sqlite.close();
  });
});

describe('openDatabase', () => {
  it('creates every table, STRICT, with WAL and foreign keys, at the app schema version', () => {
    const db = openDatabase(join(newDir(), 'sub', 'parterre.sqlite'));
    const tables = db.sqlite
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '\\_\\_%' ESCAPE '\\' AND name NOT LIKE 'sqlite_%'")
      .all() as { name: string; sql: string }[];
    const names = tables.map((t) => t.name).sort();
    for (const role of ['customers', 'shows', 'performances', 'orders', 'tickets', 'subscriptions', 'imports', 'import_rejects', 'segments', 'export_log', 'archives', 'settings']) {
      expect(names).toContain(role);
    }
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.schemaVersion).toBe(appSchemaVersion());
    expect(db.sqlite.pragma('user_version', { simple: true })).toBe(appSchemaVersion());
    // STRICT: a word in an integer column is refused rather than stored.
    expect(() =>
      db.sqlite.prepare("INSERT INTO archives (season_year, file, created_at, tickets, checksum) VALUES ('deux mille', 'f', 'd', 1, 'c')").run(),
    ).toThrow(/cannot store TEXT value in INTEGER column/);
    db.sqlite.close();
  });

  it('marks a search text to recompute when an update changes a searched field without writing it', () => {
    const db = openDatabase(join(newDir(), 'parterre.sqlite'));
    const { sqlite } = db;
    sqlite.prepare("INSERT INTO customers (id, source_key, last_name, city, phone, search_text) VALUES (1, 'C1', 'Dupont', 'Lyon', '01', 'dupont lyon')").run();
    const text = () => sqlite.prepare('SELECT search_text FROM customers WHERE id = 1').pluck().get();
    sqlite.prepare("UPDATE customers SET phone = '02', city = 'Lyon' WHERE id = 1").run(); // not searched / same value
    expect(text()).toBe('dupont lyon');
    sqlite.prepare("UPDATE customers SET last_name = 'Durand', search_text = 'durand lyon' WHERE id = 1").run(); // written with it
    expect(text()).toBe('durand lyon');
    sqlite.prepare("UPDATE customers SET city = NULL WHERE id = 1").run();
    expect(text()).toBe('');
    db.sqlite.close();
  });

  it('backs the file up before migrating it, and keeps its content', () => {
    const path = join(newDir(), 'parterre.sqlite');
    const v1 = openDatabase(path);
    v1.sqlite.prepare("INSERT INTO settings (key, value) VALUES ('seasonStartMonth', '8')").run();
    v1.sqlite.close();

    const later = openDatabase(path, { migrationsFolder: migrationsWithOneMore(), now: () => new Date('2026-01-02T03:04:05Z') });
    expect(later.schemaVersion).toBe(appSchemaVersion() + 1);
    expect(later.backupPath).toBe(`${path}.bak-v${appSchemaVersion()}-2026-01-02T03-04-05-000Z`);
    expect(existsSync(later.backupPath!)).toBe(true);
    expect(later.sqlite.prepare("SELECT value FROM settings WHERE key = 'seasonStartMonth'").get()).toEqual({ value: '8' });
    later.sqlite.close();

    const backup = openDatabase(later.backupPath!);
    expect(backup.sqlite.prepare('SELECT count(*) AS n FROM settings').get()).toEqual({ n: 1 });
    expect(backup.sqlite.prepare("SELECT count(*) AS n FROM sqlite_master WHERE name = 'later_things'").get()).toEqual({ n: 0 });
    backup.sqlite.close();
  });

  it('does not back up a brand-new file', () => {
    const db = openDatabase(join(newDir(), 'parterre.sqlite'));
    expect(db.backupPath).toBeNull();
    db.sqlite.close();
  });

  it('refuses a database written by a newer Parterre, and leaves it untouched', () => {
    const dir = newDir();
    mkdirSync(dir, { recursive: true });
    const path = join(dir, 'parterre.sqlite');
    openDatabase(path, { migrationsFolder: migrationsWithOneMore() }).sqlite.close();
    const before = readFileSync(path);
    expect(() => openDatabase(path)).toThrow(SchemaTooNewError);
    expect(() => openDatabase(path)).toThrow(/version plus récente de Parterre/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});

describe('the SQLite native binding', () => {
  it('is the one given (the desktop app passes its Electron build), else the default', () => {
    const path = join(newDir(), 'parterre.sqlite');
    expect(() => openDatabase(path, { nativeBinding: join(newDir(), 'missing.node') })).toThrow();
    const previous = process.env.PARTERRE_SQLITE_BINDING;
    process.env.PARTERRE_SQLITE_BINDING = join(newDir(), 'missing.node');
    try {
      expect(() => openDatabase(path)).toThrow();
    } finally {
      if (previous === undefined) delete process.env.PARTERRE_SQLITE_BINDING;
      else process.env.PARTERRE_SQLITE_BINDING = previous;
    }
    openDatabase(path).sqlite.close();
  });
});
