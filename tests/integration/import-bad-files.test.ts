/**
 * Bad input: files refused as a whole (nothing written, a message naming the file and what is
 * wrong) and lines refused one by one (kept in import_rejects with their physical line and column).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/types.js';
import { countRows, createImportEnv, dumpDatabase, encodeCsv, type ImportEnv } from '../fixtures/import/harness.js';

const HEADER = ['N° billet', 'Prix', 'Date représentation', 'Spectacle', 'Nom', 'Email'];
const good = (n: number) => [`B${n}`, '10,00', '14/03/2025', 'Cendrillon', 'Martin', `m${n}@exemple.fr`];

let env: ImportEnv;
beforeEach(() => {
  env = createImportEnv();
});
afterEach(() => env.cleanup());

const raw = (name: string, content: Buffer | string) => {
  const path = join(env.db.dir, name);
  writeFileSync(path, content);
  return path;
};

async function refused(path: string) {
  const before = dumpDatabase(env.db);
  const result = await env.call('imports.run', { files: [{ path }] });
  expect(result.ok).toBe(false);
  expect(dumpDatabase(env.db)).toBe(before);
  return result.error as { code: string; message: string; details: { file: string; line?: number; column?: number } };
}

describe('files refused as a whole', () => {
  it('an empty file', async () => {
    const error = await refused(raw('vide.csv', ''));
    expect(error).toMatchObject({ code: 'BAD_FILE', details: { file: 'vide.csv' } });
    expect(error.message).toContain('« vide.csv » est vide');
  });

  it('a binary file', async () => {
    const error = await refused(raw('image.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x3b, 0x0a])));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain("n'est pas un fichier texte");
  });

  it('a NUL byte after the first megabyte', async () => {
    const body = encodeCsv([HEADER, ...Array.from({ length: 12_000 }, (_, i) => good(i))]);
    const error = await refused(raw('abime.csv', Buffer.concat([body, Buffer.from([0, 0x0a])])));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain("n'est pas un fichier texte");
  });

  it('no recognisable separator', async () => {
    const error = await refused(raw('texte.csv', 'Bonjour\nCeci est une lettre\n'));
    expect(error.message).toContain('aucun séparateur');
    expect(error.details).toMatchObject({ file: 'texte.csv', line: 1 });
  });

  it('no recognisable header', async () => {
    const error = await refused(raw('chiffres.csv', 'a;b;c\n1;2;3\n'));
    expect(error.message).toContain("aucune ligne d'en-tête");
  });

  it('a required column missing', async () => {
    const error = await refused(env.csv('sans-date.csv', [['N° billet', 'Prix', 'Nom'], ['B1', '10', 'Martin']]));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain('« Date de représentation »');
    expect(error.details).toMatchObject({ file: 'sans-date.csv', line: 1 });
  });

  it('more than half of the lines unreadable: nothing is written, the first error is named', async () => {
    await env.ok('imports.run', { files: [{ path: env.csv('avant.csv', [HEADER, good(1)]) }] });
    const rows = [HEADER, good(2), ['B3', '10', '32/13/2024', 'X', 'Y', ''], ['B4', '10', 'demain', 'X', 'Y', '']];
    const error = await refused(env.csv('mauvais.csv', rows));
    expect(error.code).toBe('BAD_FILE');
    expect(error.details).toEqual({ file: 'mauvais.csv', line: 3, column: 3 });
    expect(error.message).toContain('ligne 3, colonne 3');
    expect(error.message).toContain('« 32/13/2024 »');
  });
});

describe('lines refused one by one', () => {
  async function importRows(rows: (string | number)[][], tail = '') {
    const path = env.csv('billets.csv', [HEADER, ...rows], { tail });
    const summary = await env.ok<ImportSummary>('imports.run', { files: [{ path }] });
    const rejects = env.db.sqlite.prepare('SELECT file, line, "column", raw, reason FROM import_rejects ORDER BY line').all() as {
      file: string;
      line: number;
      column: number | null;
      raw: string;
      reason: string;
    }[];
    return { summary, rejects };
  }

  it('malformed dates and amounts, with their line and column', async () => {
    const { summary, rejects } = await importRows([
      good(1),
      ['B2', '10,00', '32/13/2024', 'Cendrillon', 'Martin', ''],
      good(3),
      ['B4', 'dix euros', '14/03/2025', 'Cendrillon', 'Martin', ''],
      good(5),
      good(6),
    ]);
    expect(summary.linesRead).toBe(6);
    expect(summary.rejected).toBe(2);
    expect(summary.tickets.new).toBe(4);
    expect(countRows(env.db, 'tickets')).toBe(4);
    expect(rejects).toEqual([
      expect.objectContaining({ file: 'billets.csv', line: 3, column: 3, raw: 'B2;10,00;32/13/2024;Cendrillon;Martin;' }),
      expect.objectContaining({ line: 5, column: 2 }),
    ]);
    expect(rejects[0].reason).toBe('Date de représentation illisible : « 32/13/2024 » (attendu jj/mm/aaaa)');
    expect(rejects[1].reason).toContain('« dix euros »');
    expect(summary.rejects.map((r) => r.line)).toEqual([3, 5]);
  });

  it('counts physical lines across quoted newlines', async () => {
    const { rejects } = await importRows([
      ['B1', '10', '14/03/2025', 'Cendrillon\nversion longue\nen trois lignes', 'Martin', ''],
      good(2),
      ['B3', '10', '14/13/2025', 'Cendrillon', 'Martin', ''],
    ]);
    // Header on line 1, B1 on lines 2-4, B2 on 5, B3 on 6.
    expect(rejects).toEqual([expect.objectContaining({ line: 6, column: 3 })]);
  });

  it('a truncated last line: an unterminated quote', async () => {
    const { summary, rejects } = await importRows([good(1), good(2), good(3)], 'B4;10;14/03/2025;"Cendrillon;Mar');
    expect(summary.tickets.new).toBe(3);
    expect(summary.rejected).toBe(1);
    expect(rejects).toEqual([expect.objectContaining({ line: 5, column: 4, raw: 'B4;10;14/03/2025;"Cendrillon;Mar' })]);
    expect(rejects[0].reason).toContain('Guillemet');
  });

  it('a truncated last line: too few columns', async () => {
    const { summary, rejects } = await importRows([good(1), good(2), good(3)], 'B4;10;14/03');
    expect(summary.tickets.new).toBe(3);
    expect(rejects).toEqual([expect.objectContaining({ line: 5, column: 4, raw: 'B4;10;14/03' })]);
    expect(rejects[0].reason).toContain('3 au lieu de 6');
  });
});
