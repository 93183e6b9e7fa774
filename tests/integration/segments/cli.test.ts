/** `parterre segment list|save|count|export` end to end on the fixture's database. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open.js';
import { cli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-db.js';
import { buildSegmentFixture } from './fixture.js';

describe('parterre segment', () => {
  const dir = tempDir('parterre-segment-cli-');
  const db = join(dir, 'parterre.sqlite');
  const open = openDatabase(db);
  buildSegmentFixture(open.sqlite);
  open.sqlite.close();
  const criteria = join(dir, 'danse.json');
  writeFileSync(criteria, JSON.stringify({ and: [{ field: 'discipline', values: ['Danse'] }, { field: 'consent', channel: 'email' }] }));

  it('counts criteria from a file, saves them, lists and counts the saved segment', async () => {
    const count = await cli('segment', 'count', '--criteria', criteria, '--json', '--db', db);
    expect(count.stderr).toBe('');
    expect(count.json()).toEqual({ count: 2, total: 6 }); // ann and fay
    const saved = await cli('segment', 'save', '--name', 'Danse e-mail', '--criteria', criteria, '--json', '--db', db);
    const { id } = saved.json();
    const list = (await cli('segment', 'list', '--json', '--db', db)).json();
    expect(list.map((s: { id: number; name: string }) => [s.id, s.name])).toEqual([[id, 'Danse e-mail']]);
    expect((await cli('segment', 'count', '--id', String(id), '--json', '--db', db)).json()).toMatchObject({ count: 2 });
  });

  it('exports to --out and logs it', async () => {
    const out = join(dir, 'brevo.csv');
    const run = await cli('segment', 'export', '--criteria', criteria, '--channel', 'email', '--format', 'brevo', '--out', out, '--db', db);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('EMAIL;FIRSTNAME;LASTNAME;SMS\r\nann@exemple.fr;Ann;Durand;+33612345678\r\nfay@exemple.fr;Fay;Simon;\r\n');
    const csv = join(dir, 'excel.csv');
    await cli('segment', 'export', '--criteria', criteria, '--channel', 'email', '--format', 'csv', '--out', csv, '--db', db);
    expect(readFileSync(csv)[0]).toBe(0xef); // UTF-8 BOM
    const check = openDatabase(db);
    const log = check.sqlite.prepare('SELECT target, rows FROM export_log ORDER BY id').all();
    check.sqlite.close();
    expect(log).toEqual([
      { target: 'brevo.csv', rows: 2 },
      { target: 'excel.csv', rows: 2 },
    ]);
  });

  it('says what is wrong with a criteria file or the options', async () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"field": "range", "indicator": "orders"}');
    const run = await cli('segment', 'count', '--criteria', bad, '--db', db);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('bad.json');
    writeFileSync(bad, '{"and": [');
    expect((await cli('segment', 'count', '--criteria', bad, '--db', db)).stderr).toMatch(/bad\.json : JSON invalide/);
    expect((await cli('segment', 'export', '--criteria', criteria, '--channel', 'fax', '--format', 'csv', '--out', 'x', '--db', db)).code).toBe(2);
    expect((await cli('segment', 'count', '--db', db)).stderr).toMatch(/--id, soit --criteria/);
  });
});
