/**
 * Bad input at the edges (issue 10): each case that once lost lines silently, aborted with a raw
 * error or named the wrong place, as its own test. Every refusal leaves the database as it was
 * and names the file (and the line and column where they are known); every line read is imported
 * or rejected, and the summary's counts add up.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportSummary } from '../../shared/types.js';
import { countRows, createImportEnv, dumpDatabase, encodeCsv, type ImportEnv } from '../fixtures/import/harness.js';

const HEADER = ['N° billet', 'Prix', 'Date représentation', 'Spectacle', 'Nom', 'Email'];
const good = (n: number) => [`B${n}`, '10,00', '14/03/2025', 'Cendrillon', 'Martin', `m${n}@exemple.fr`];
const goodLine = (n: number) => good(n).join(';');

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

interface Refusal {
  code: string;
  message: string;
  details: { file: string; line?: number; column?: number };
}

async function refused(path: string): Promise<Refusal> {
  const before = dumpDatabase(env.db);
  const result = await env.call('imports.run', { files: [{ path }] });
  expect(result.ok).toBe(false);
  expect(dumpDatabase(env.db)).toBe(before);
  return result.error as Refusal;
}

interface RejectRow {
  line: number;
  column: number | null;
  raw: string;
  reason: string;
}

async function imported(path: string) {
  const summary = await env.ok<ImportSummary>('imports.run', { files: [{ path }] });
  const rejects = env.db.sqlite.prepare('SELECT line, "column", raw, reason FROM import_rejects ORDER BY line').all() as RejectRow[];
  const keys = (env.db.sqlite.prepare('SELECT source_key FROM tickets ORDER BY id').all() as { source_key: string }[]).map((r) => r.source_key);
  // The counts add up: every line read is a ticket or a reject.
  expect(summary.linesRead).toBe(summary.tickets.new + summary.tickets.updated + summary.tickets.unchanged + summary.rejected);
  expect(rejects).toHaveLength(summary.rejected);
  return { summary, rejects, keys };
}

const numbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('a stray quote loses no line', () => {
  it('an unbalanced quote early in a file: only its own line is rejected, the 20 after it are imported', async () => {
    const lines = [HEADER.join(';'), goodLine(1), 'B2;10,00;14/03/2025;"Cendrillon;Martin;m2@exemple.fr', ...numbers(3, 22).map(goodLine)];
    const { summary, rejects, keys } = await imported(raw('guillemet.csv', lines.join('\r\n') + '\r\n'));
    expect(summary.linesRead).toBe(22);
    expect(summary.rejected).toBe(1);
    expect(rejects).toEqual([{ line: 3, column: 4, raw: lines[2], reason: expect.stringContaining('Guillemet ouvert jamais refermé') }]);
    expect(keys).toEqual(numbers(1, 22).filter((n) => n !== 2).map((n) => `B${n}`));
  });

  it('a stray quote whose field « closes » on a later line, with too few cells: the lines in between come back', async () => {
    const lines = [HEADER.join(';'), '"B1;10,00;14/03/2025;Cendrillon;Martin;m1@exemple.fr', goodLine(2), 'B3;10,00;14/03/2025;Cendrillon";Martin;m3@exemple.fr', goodLine(4)];
    const { summary, rejects, keys } = await imported(raw('guillemet-ferme.csv', lines.join('\n') + '\n'));
    expect(summary.linesRead).toBe(4);
    expect(rejects.map((r) => [r.line, r.column])).toEqual([[2, 1]]);
    // B3's lone quote in an unquoted field is kept as a character, as papaparse reads it.
    expect(keys).toEqual(['B2', 'B3', 'B4']);
  });

  it('a quoted field over a few lines is still one record', async () => {
    const path = env.csv('adresse.csv', [HEADER, good(1), ['B2', '10,00', '14/03/2025', 'Cendrillon\nversion longue', 'Martin', ''], good(3)]);
    const { summary, keys } = await imported(path);
    expect(summary).toMatchObject({ linesRead: 3, rejected: 0 });
    expect(keys).toEqual(['B1', 'B2', 'B3']);
  });
});

describe('values out of range are rejected per line, with their column', () => {
  it('a 20-digit amount', async () => {
    const path = env.csv('montant.csv', [HEADER, good(1), ['B2', '12345678901234567890', '14/03/2025', 'Cendrillon', 'Martin', ''], good(3)]);
    const { summary, rejects, keys } = await imported(path);
    expect(summary.rejected).toBe(1);
    expect(rejects).toEqual([expect.objectContaining({ line: 3, column: 2, reason: expect.stringContaining('hors limites') })]);
    expect(rejects[0].reason).toContain('« 12345678901234567890 »');
    expect(keys).toEqual(['B1', 'B3']);
  });

  it('dates out of range, absurd seats, an absurd capacity', async () => {
    const header = [...HEADER, 'Nb places', 'Jauge'];
    const rows = [
      [...good(1), '2', '500'],
      ['B2', '10,00', '14/03/0000', 'Cendrillon', 'Martin', '', '1', '500'],
      ['B3', '10,00', '2125-03-14', 'Cendrillon', 'Martin', '', '1', '500'],
      ['B4', '10,00', '14/03/2025', 'Cendrillon', 'Martin', '', '250000', '500'],
      ['B5', '10,00', '15/03/2025', 'Cendrillon', 'Martin', '', '1', '9000000'],
      [...good(6), '1', '500'],
      [...good(7), '1', '500'],
      [...good(8), '1', '500'],
    ];
    const { rejects, keys } = await imported(env.csv('limites.csv', [header, ...rows]));
    expect(rejects.map((r) => [r.line, r.column])).toEqual([
      [3, 3],
      [4, 3],
      [5, 7],
      [6, 8],
    ]);
    for (const r of rejects) expect(r.reason).toContain('hors limites');
    expect(keys).toEqual(['B1', 'B6', 'B7', 'B8']);
  });
});

describe('lines too long', () => {
  it('a line over the size limit in a file without quotes is rejected as too long, the others imported', async () => {
    const huge = `B2;10,00;14/03/2025;${'x'.repeat(9 << 20)};Martin;`;
    const text = [HEADER.join(';'), goodLine(1), huge, goodLine(3), goodLine(4)].join('\n') + '\n';
    const { summary, rejects, keys } = await imported(raw('enorme.csv', text));
    expect(summary).toMatchObject({ linesRead: 4, rejected: 1 });
    expect(rejects).toHaveLength(1);
    expect(rejects[0]).toMatchObject({ line: 3, column: null });
    expect(rejects[0].reason).toContain('Ligne trop longue');
    expect(rejects[0].reason).not.toContain('uillemet');
    expect(rejects[0].raw.length).toBeLessThan(300);
    expect(keys).toEqual(['B1', 'B3', 'B4']);
  });
});

describe('refusals name the true place and reason', () => {
  /** `text` in UTF-8, with the first « é » after `after` written as Windows-1252's one byte. */
  const withLatin1E = (text: Buffer, after: string) => {
    const at = text.indexOf(Buffer.from('\u00e9', 'utf8'), text.indexOf(Buffer.from(after, 'utf8')));
    return { at, bytes: Buffer.concat([text.subarray(0, at), Buffer.from([0xe9]), text.subarray(at + 2)]) };
  };
  const row = (n: number) => `B${n};10,00;14/03/2025;Cendrillon, opéra en trois actes de Rossini;Martin;m${n}@exemple.fr`;

  it('a bad byte after the first megabyte names its own line and column', async () => {
    // Settled as UTF-8 by the « é » of the header; on line 12,475, a Windows-1252 « é ».
    const lines = [HEADER.join(';'), ...numbers(1, 12_480).map(row)];
    const { at, bytes } = withLatin1E(Buffer.from(lines.join('\n') + '\n', 'utf8'), 'B12474;');
    expect(at).toBeGreaterThan(1 << 20);
    const error = await refused(raw('melange.csv', bytes));
    expect(error.code).toBe('BAD_FILE');
    expect(error.details).toEqual({ file: 'melange.csv', line: 12_475, column: 4 });
    expect(error.message).toContain('« melange.csv », ligne 12475, colonne 4');
    expect(error.message).toContain('0xE9');
  });

  it('a bad byte in the first megabyte of a UTF-8 file with a BOM names its line, not line 1', async () => {
    const lines = [HEADER.join(';'), ...numbers(1, 2000).map(row)];
    const { bytes } = withLatin1E(Buffer.from('\ufeff' + lines.join('\r\n') + '\r\n', 'utf8'), 'B1108;');
    const error = await refused(raw('bom.csv', bytes));
    expect(error.details).toEqual({ file: 'bom.csv', line: 1109, column: 4 });
    expect(error.message).toContain('ligne 1109, colonne 4');
  });

  it('invalid UTF-8 in the header is said so, not « colonne obligatoire absente »', async () => {
    const { bytes } = withLatin1E(Buffer.from('\ufeff' + [HEADER.join(';'), row(1)].join('\r\n') + '\r\n', 'utf8'), 'Date');
    const error = await refused(raw('entete.csv', bytes));
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain('UTF-8');
    expect(error.message).not.toContain('obligatoire');
    expect(error.details).toEqual({ file: 'entete.csv', line: 1, column: 3 });
  });

  it('a directory given as the file names the file, no bare EISDIR', async () => {
    const path = join(env.db.dir, 'exports 2025');
    mkdirSync(path);
    const error = await refused(path);
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain('« exports 2025 » est un dossier');
    expect(error.message).not.toContain('EISDIR');
  });

  it('a file that does not exist names the file', async () => {
    const error = await refused(join(env.db.dir, 'absent.csv'));
    expect(error).toMatchObject({ code: 'BAD_FILE', details: { file: 'absent.csv' } });
    expect(error.message).toContain('« absent.csv » est introuvable');
  });

  it('a named pipe is refused at once, never waited on', async () => {
    const path = join(env.db.dir, 'tube.csv');
    execFileSync('mkfifo', [path]);
    const error = await refused(path);
    expect(error.code).toBe('BAD_FILE');
    expect(error.message).toContain("« tube.csv » n'est pas un fichier ordinaire");
    // Inspecting it too.
    const inspected = await env.call('imports.inspect', { paths: [path] });
    expect(inspected.ok).toBe(false);
  });

  it('a file with only its header is refused, not imported with 0 lines', async () => {
    const error = await refused(raw('entete-seule.csv', HEADER.join(';') + '\r\n\r\n'));
    expect(error).toMatchObject({ code: 'BAD_FILE', details: { file: 'entete-seule.csv', line: 1 } });
    expect(error.message).toContain('aucune ligne de données');
    expect(countRows(env.db, 'imports')).toBe(0);
  });

  it('a file cut inside its header is refused as cut', async () => {
    const error = await refused(raw('coupe.csv', encodeCsv([HEADER]).subarray(0, 30)));
    expect(error).toMatchObject({ code: 'BAD_FILE', details: { file: 'coupe.csv', line: 1 } });
    expect(error.message).toContain("s'arrête au milieu de sa ligne d'en-tête");
    expect(error.message).not.toContain('obligatoire');
  });
});
