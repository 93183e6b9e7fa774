/**
 * The automatic backups' retention rule: the 10 newest, and the newest of each of the last 7
 * days. Checked against the rule applied by hand to a month of backups, and on real files.
 */
import Database from 'better-sqlite3';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyRetention, backupDatabase, backupsToKeep, listBackups, type BackupFile } from '../../../db/backups.js';
import { tempDir } from '../../helpers/temp-db.js';

const at = (iso: string) => new Date(iso);

describe('backupsToKeep', () => {
  it('keeps the 10 newest and the newest of each of the last 7 days', () => {
    const now = at('2026-03-20T12:00:00Z');
    // Three backups a day (08:00, 12:00, 18:00 UTC) from 1 to 20 March, the last one at 12:00 on the 20th.
    const backups: BackupFile[] = [];
    for (let day = 1; day <= 20; day++) {
      for (const hour of ['08', '12', '18']) {
        const when = at(`2026-03-${String(day).padStart(2, '0')}T${hour}:00:00Z`);
        if (when <= now) backups.push({ path: `b-${when.toISOString()}`, at: when });
      }
    }
    backups.sort((a, b) => b.at.getTime() - a.at.getTime());
    const kept = [...backupsToKeep(backups, now)].sort();
    // By hand: the 10 newest are 20 Mar 12:00 and 08:00, 19 (×3), 18 (×3), 17 18:00 and 12:00.
    // The last 7 days (from 13 Mar 12:00 on): newest of the 13th (18:00) … the 17th (18:00, already kept).
    const expected = [
      '2026-03-20T12', '2026-03-20T08',
      '2026-03-19T18', '2026-03-19T12', '2026-03-19T08',
      '2026-03-18T18', '2026-03-18T12', '2026-03-18T08',
      '2026-03-17T18', '2026-03-17T12',
      '2026-03-16T18', '2026-03-15T18', '2026-03-14T18', '2026-03-13T18',
    ].map((h) => `b-${h}:00:00.000Z`).sort();
    expect(kept).toEqual(expected);
  });
});

describe('backupDatabase', () => {
  it('writes a consistent copy beside the file and deletes what the rule does not keep', () => {
    const dir = tempDir();
    const path = join(dir, 'parterre.sqlite');
    const db = new Database(path);
    db.exec("CREATE TABLE t (id INTEGER PRIMARY KEY, v TEXT); INSERT INTO t (v) VALUES ('un'), ('deux')");
    // 15 old backups of 40 days ago: beyond the week, only the 10 newest of all stay.
    for (let i = 0; i < 15; i++) {
      const stamp = new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString().replace(/[:.]/g, '-');
      writeFileSync(`${path}.bak-import-${stamp}`, 'old');
    }
    writeFileSync(join(dir, 'autre.sqlite.bak-import-2026-01-01T00-00-00-000Z'), 'another file: never touched');
    const made = backupDatabase(db, path, { reason: 'import', now: at('2026-02-10T10:00:00Z') });
    const copy = new Database(made, { readonly: true });
    expect(copy.prepare('SELECT v FROM t ORDER BY id').pluck().all()).toEqual(['un', 'deux']);
    copy.close();
    const left = listBackups(path);
    expect(left).toHaveLength(10);
    expect(left[0].path).toBe(made);
    expect(existsSync(join(dir, 'autre.sqlite.bak-import-2026-01-01T00-00-00-000Z'))).toBe(true);
    expect(applyRetention(path, at('2026-02-10T10:00:00Z'))).toEqual([]);
    expect(readdirSync(dir).filter((n) => n.startsWith('parterre.sqlite.bak-'))).toHaveLength(10);
    db.close();
  });
});
