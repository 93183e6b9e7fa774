/**
 * Archive files Parterre must refuse — one written by a newer Parterre, a truncated or corrupted
 * one, a file that is not SQLite, another application's SQLite file, a Parterre main database,
 * an archive of another database — each with a clear message, and nothing attached or changed
 * (the list, the figures, the attached files, and the file itself). An archive of an older
 * Parterre is migrated when attached, after a copy of it is kept. SQLite's limit of 10 attached
 * files is explained when reached.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, openSync, readFileSync, readdirSync, truncateSync, writeFileSync, writeSync, closeSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_KEY, MAX_ATTACHED } from '../../../db/archives.js';
import { appSchemaVersion, DEFAULT_MIGRATIONS_FOLDER } from '../../../db/open.js';
import type { ArchiveResult } from '../../../shared/archives-types.js';
import { allFigures, importedFixture, type ArchiveFixture } from '../../helpers/archive-fixture.js';

let f: ArchiveFixture;
let archived: ArchiveResult;
let detachedState: { list: unknown; seasons: unknown; databases: unknown };
let beforeArchiving: Awaited<ReturnType<typeof allFigures>>;

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const databases = () => f.db.sqlite.prepare('SELECT name FROM pragma_database_list').pluck().all();
async function state() {
  return { list: await f.call('archives.list', {}), seasons: await f.call('seasons.list', {}), databases: databases() };
}
function edit(path: string, change: (db: Database.Database) => void): void {
  const db = new Database(path);
  change(db);
  db.close();
}

beforeAll(async () => {
  f = await importedFixture(1200, 5);
  beforeArchiving = await allFigures(f);
  const first = beforeArchiving.seasons as { label: string }[];
  archived = await f.call('archives.archive', { seasons: [first[0].label] });
  await f.call('archives.detach', { id: archived.file.id });
  detachedState = await state();
}, 120_000);
afterAll(() => f?.db.cleanup());

/** A copy of the real archive, changed by `damage`, in a folder of its own (a USB stick). */
function badCopy(name: string, damage: (path: string) => void): string {
  const path = join(f.db.dir, 'usb', name);
  mkdirSync(dirname(path), { recursive: true });
  copyFileSync(archived.file.path, path);
  damage(path);
  return path;
}

const CASES: [string, (path: string) => void, RegExp][] = [
  ['plus-recente.sqlite', (p) => edit(p, (db) => db.pragma(`user_version = ${appSchemaVersion() + 1}`)), /version plus récente de Parterre/],
  ['tronquee.sqlite', (p) => truncateSync(p, Math.floor(statSync(p).size / 2)), /tronqué/],
  [
    'endommagee.sqlite',
    (p) => {
      // Garbage over the pages after the first two: b-tree pages of the tables.
      const fd = openSync(p, 'r+');
      const size = statSync(p).size;
      for (let at = 2 * 4096; at < size; at += 4096 * 3) writeSync(fd, Buffer.alloc(512, 0xa5), 0, 512, at);
      closeSync(fd);
    },
    /endommagé|ne s’ouvre pas/,
  ],
  ['pas-sqlite.sqlite', (p) => writeFileSync(p, 'N° billet;Prix\n1;25,00\n'), /n’est pas une base SQLite/],
  [
    'autre-appli.sqlite',
    (p) =>
      writeFileSync(
        p,
        (() => {
          const tmp = `${p}.tmp`;
          edit(tmp, (db) => db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES (\'bonjour\')'));
          return readFileSync(tmp);
        })(),
      ),
    /autre application/,
  ],
  ['base-principale.sqlite', (p) => copyFileSync(readdirSync(f.db.dir).map((n) => join(f.db.dir, n)).find((n) => basename(n).startsWith('parterre.sqlite.bak-'))!, p), /pas une archive/],
  [
    'autre-base.sqlite',
    (p) =>
      edit(p, (db) => {
        const manifest = JSON.parse(db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(MANIFEST_KEY) as string);
        db.prepare('UPDATE settings SET value = ? WHERE key = ?').run(JSON.stringify({ ...manifest, databaseId: 'une-autre-base' }), MANIFEST_KEY);
      }),
    /autre base Parterre/,
  ],
];

describe('a bad archive file', () => {
  for (const [name, damage, message] of CASES) {
    it(`« ${name} » is refused with a clear message; nothing is attached or changed`, async () => {
      const path = badCopy(name, damage);
      const bytes = sha(path);
      expect(await f.refusal('archives.open', { path })).toMatch(message);
      expect(await f.refusal('archives.attach', { path })).toMatch(message);
      expect(await state()).toEqual(detachedState);
      expect(sha(path)).toBe(bytes);
    });
  }

  it('damaged in the archives folder: the listed file stays detached, with the reason', async () => {
    const saved = readFileSync(archived.file.path);
    try {
      truncateSync(archived.file.path, Math.floor(saved.length / 3));
      expect(await f.refusal('archives.attach', { id: archived.file.id })).toMatch(/tronqué/);
      const after = await state();
      // Only the size the list shows differs: the file is shorter.
      expect(after.list.files[0].sizeBytes).toBe(Math.floor(saved.length / 3));
      const withoutSize = (s: typeof after) => ({ ...s, list: { ...s.list, files: s.list.files.map((file) => ({ ...file, sizeBytes: 0 })) } });
      expect(withoutSize(after)).toEqual(withoutSize(detachedState as typeof after));
    } finally {
      writeFileSync(archived.file.path, saved);
    }
  });
});

/** The migrations' tags in the order they run (db/migrations/meta/_journal.json). */
function migrationTags(): string[] {
  const journal = JSON.parse(readFileSync(join(DEFAULT_MIGRATIONS_FOLDER, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  return journal.entries.map((entry) => entry.tag);
}

describe('an archive of an older Parterre', () => {
  it('is migrated when attached, after a copy of it is kept, and every figure comes back', async () => {
    // As the version before migration 0007 wrote it: that migration and the later ones undone.
    const older = migrationTags().indexOf('0007_archive_files');
    edit(archived.file.path, (db) => {
      db.exec(`DROP TABLE archive_files;
        ALTER TABLE archives DROP COLUMN orders; ALTER TABLE archives DROP COLUMN performances; ALTER TABLE archives DROP COLUMN shows;
        DROP TABLE sibil_declarations; ALTER TABLE shows DROP COLUMN sibil_domain;`);
      db.prepare('DELETE FROM __drizzle_migrations WHERE created_at > (SELECT created_at FROM __drizzle_migrations ORDER BY created_at LIMIT 1 OFFSET ?)').run(older - 1);
      db.pragma(`user_version = ${older}`);
    });
    await f.call('archives.attach', { id: archived.file.id });
    const version = new Database(archived.file.path, { readonly: true });
    expect(version.pragma('user_version', { simple: true })).toBe(appSchemaVersion());
    version.close();
    const folder = dirname(archived.file.path);
    expect(readdirSync(folder).some((n) => n.startsWith(`${basename(archived.file.path)}.bak-v${older}-`))).toBe(true);
    expect(await allFigures(f)).toEqual(beforeArchiving);
    expect((await f.call('archives.verify', { id: archived.file.id })).ok).toBe(true);
  });
});

describe("SQLite's limit of attached files", () => {
  it('is explained, and nothing changes, when an 11th file would be needed', async () => {
    await f.call('archives.detach', { id: archived.file.id });
    const stand = [];
    for (let i = attachedNow(); i < MAX_ATTACHED; i++) {
      const path = join(f.db.dir, `vide-${i}.sqlite`);
      f.db.sqlite.prepare(`ATTACH DATABASE ? AS "autre_${i}"`).run(path);
      stand.push(`autre_${i}`);
    }
    try {
      const before = await state();
      const other = badCopy('encore-une.sqlite', () => undefined);
      expect(await f.refusal('archives.open', { path: other })).toMatch(/ne peut ouvrir que 10 fichiers d’archive à la fois/);
      const seasons = (await f.call('seasons.list', {})).map((s) => s.label);
      expect(await f.refusal('archives.attach', { id: archived.file.id })).toMatch(/10 fichiers/);
      expect(await f.refusal('archives.archive', { seasons: [seasons.at(-1)!] })).toMatch(/10 fichiers/);
      expect(await state()).toEqual(before);
    } finally {
      for (const alias of stand) f.db.sqlite.exec(`DETACH DATABASE "${alias}"`);
    }
  });
});

function attachedNow(): number {
  return (databases() as string[]).filter((n) => n !== 'main' && n !== 'temp').length;
}
