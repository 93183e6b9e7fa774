/**
 * Property-based fuzzing of the import (issue 10): random exports — three encodings, four
 * separators, three line endings, quoted fields — mutated the ways real files go wrong (stray and
 * misplaced quotes, truncation, huge fields and lines, control characters, NUL and foreign bytes,
 * out-of-range amounts, dates and seats). Whatever the file, the engine neither crashes nor hangs:
 * it imports, or refuses with a message naming the file (and the database stays as it was). When
 * it imports, the database holds exactly what the accepted lines say — checked against an
 * independent reading: tests/helpers/reference-records.ts for the records, and plain regular
 * expressions here for the values — and lines read = imported + rejected.
 *
 * Seeded and bounded (NUM_RUNS), so that it runs in CI in a few seconds; FUZZ_SEED and FUZZ_RUNS
 * explore further by hand.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Newline } from '../../electron/engine/import/propose/detect.js';
import type { ImportSummary } from '../../shared/types.js';
import { createImportEnv, dumpDatabase } from '../fixtures/import/harness.js';
import { referenceRecords } from '../helpers/reference-records.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261202);
const NUM_RUNS = Number(process.env.FUZZ_RUNS ?? 20);

const HEADER = ['N° billet', 'Prix', 'Date représentation', 'Nb places', 'Spectacle', 'Nom', 'Email'];
const COLUMNS = HEADER.length;
const AMOUNT = 1;
const DATE = 2;
const SEATS = 3;
const SHOW = 4;

type Encoding = 'utf8' | 'utf8-bom' | 'win1252';

/** A cell as written: `raw` cells go into the line as they are (a mutation's quotes included). */
interface Cell {
  text: string;
  raw: boolean;
}

const mutation = fc.oneof(
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('stray-quote' as const), row: fc.nat(), column: fc.nat(COLUMNS - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('mid-quote' as const), row: fc.nat(), column: fc.constantFrom(SHOW, 5, 6) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('amount' as const), row: fc.nat(), text: fc.constantFrom('12345678901234567890', '10000000,00', '9999999,99', '-99999999999', '1e400') }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('date' as const), row: fc.nat(), text: fc.constantFrom('14/03/0000', '31/12/9999', '2125-01-01', '01/01/1899', '30/02/2025') }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('seats' as const), row: fc.nat(), text: fc.constantFrom('250000', '-10000', '99999999') }) },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant('control' as const),
      row: fc.nat(),
      column: fc.constantFrom(SHOW, 5, 6),
      chars: fc.string({ unit: fc.constantFrom('\u0001', '\u0007', '\u001b', '\u007f', '\t', '\u000b', '\u000c', '\u00a0'), minLength: 1, maxLength: 3 }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('huge' as const), row: fc.nat(), size: fc.constantFrom(5_000, 200_000) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('huge-line' as const), row: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0.02, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('nul' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('foreign-byte' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

const ticketRow = fc.record({
  euros: fc.nat(300),
  cents: fc.nat(99),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 1, max: 12 }),
  year: fc.integer({ min: 2019, max: 2026 }),
  seats: fc.integer({ min: 1, max: 4 }),
  show: fc.constantFrom('Cendrillon', 'Le Misanthrope', 'Carmen; opéra', 'Dit "oui"', 'Ballet, soirée', 'Nuit\nblanche'),
  name: fc.constantFrom('Martin', 'Durand', 'Lefèvre', ''),
});

const exportCase = fc.record({
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'win1252'),
  separator: fc.constantFrom(';', ',', '\t', '|'),
  newline: fc.constantFrom<Newline>('\r\n', '\n', '\r'),
  rows: fc.array(ticketRow, { minLength: 3, maxLength: 25 }),
  mutations: fc.array(mutation, { maxLength: 4 }),
});
type ExportCase = typeof exportCase extends fc.Arbitrary<infer T> ? T : never;

const pad = (n: number) => String(n).padStart(2, '0');

function quoteCell(text: string, separator: string): string {
  return /["\r\n]/.test(text) || text.includes(separator) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The export's bytes. */
function build(c: ExportCase): Buffer {
  const rows: Cell[][] = c.rows.map((r, i) =>
    [`B${i + 1}`, `${r.euros},${pad(r.cents)}`, `${pad(r.day)}/${pad(r.month)}/${r.year}`, String(r.seats), r.show, r.name, `c${i}@exemple.fr`].map((text) => ({ text, raw: false })),
  );
  const byteMutations: Extract<Mutation, { at: number }>[] = [];
  for (const m of c.mutations) {
    if ('at' in m) {
      byteMutations.push(m);
      continue;
    }
    const row = rows[m.row % rows.length];
    if (m.kind === 'stray-quote') row[m.column] = { text: `"${row[m.column].text.replace(/"/g, '')}`, raw: true };
    else if (m.kind === 'mid-quote') {
      const text = row[m.column].text.replace(/["\r\n]/g, '').split(c.separator).join('');
      row[m.column] = { text: `${text.slice(0, 2)}"${text.slice(2)}`, raw: true };
    } else if (m.kind === 'amount') row[AMOUNT] = { text: m.text, raw: false };
    else if (m.kind === 'date') row[DATE] = { text: m.text, raw: false };
    else if (m.kind === 'seats') row[SEATS] = { text: m.text, raw: false };
    else if (m.kind === 'control') row[m.column] = { text: row[m.column].text + m.chars, raw: false };
    else if (m.kind === 'huge') row[SHOW] = { text: 'x'.repeat(m.size), raw: false };
    else if (m.kind === 'huge-line') row[SHOW] = { text: 'y'.repeat((8 << 20) + 10), raw: false };
  }
  const lines = [HEADER.join(c.separator), ...rows.map((row) => row.map((cell) => (cell.raw ? cell.text : quoteCell(cell.text, c.separator))).join(c.separator))];
  const text = lines.join(c.newline) + c.newline;
  let bytes =
    c.encoding === 'win1252'
      ? iconv.encode(text, 'win1252')
      : Buffer.concat([Buffer.from(c.encoding === 'utf8-bom' ? [0xef, 0xbb, 0xbf] : []), Buffer.from(text, 'utf8')]);
  // A foreign or NUL byte goes after the header (one in the header changes what columns are found).
  const headerEnd = bytes.indexOf(c.newline.slice(-1)) + 1;
  for (const m of byteMutations) {
    const at = m.kind === 'truncate' ? Math.floor(m.at * bytes.length) : headerEnd + Math.floor(m.at * (bytes.length - headerEnd));
    if (m.kind === 'truncate') bytes = bytes.subarray(0, Math.max(1, at));
    else if (m.kind === 'nul') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0]), bytes.subarray(at)]);
    else if (m.kind === 'foreign-byte') bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from([0xe9]), bytes.subarray(at)]);
  }
  return bytes;
}

/** What an accepted line says, read plainly; null when the line must be rejected. */
interface Expected {
  key: string;
  cents: number;
  seats: number;
  startsAt: string;
}

function readPlainly(cells: string[]): Expected | null {
  const [key, amountText, dateText, seatsText] = cells.map((c) => c.trim());
  const amount = /^(\d{1,10}),(\d{2})$/.exec(amountText);
  if (!amount) return null;
  const cents = Number(amount[1]) * 100 + Number(amount[2]);
  if (cents > 999_999_999) return null;
  const date = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(dateText);
  if (!date) return null;
  const [day, month, year] = [Number(date[1]), Number(date[2]), Number(date[3])];
  const valid = new Date(Date.UTC(year, month - 1, day));
  if (year < 1900 || year > 2099 || valid.getUTCDate() !== day || valid.getUTCMonth() !== month - 1) return null;
  let seats = 1;
  if (seatsText !== '') {
    if (!/^\d+$/.test(seatsText)) return null;
    seats = Number(seatsText);
    if (seats > 9_999) return null;
  }
  return { key, cents, seats, startsAt: `${date[3]}-${date[2]}-${date[1]}T00:00:00` };
}

function decode(bytes: Buffer, encoding: string): string {
  if (encoding === 'windows-1252') return iconv.decode(bytes, 'win1252');
  const text = new TextDecoder('utf-8').decode(bytes);
  return text;
}

async function checkCase(c: ExportCase): Promise<void> {
  const env = createImportEnv();
  try {
    const path = join(env.db.dir, 'export.csv');
    const bytes = build(c);
    writeFileSync(path, bytes);
    const before = dumpDatabase(env.db);
    const result = await env.call('imports.run', { files: [{ path }] });
    if (!result.ok) {
      // Refused: a message for the user, naming the file, and nothing written.
      expect(result.error!.code, result.error!.message).toBe('BAD_FILE');
      expect(result.error!.message).toContain('« export.csv »');
      expect(result.error!.details).toMatchObject({ file: 'export.csv' });
      expect(dumpDatabase(env.db)).toBe(before);
      return;
    }
    const summary = result.value as ImportSummary;
    const file = summary.files[0];
    expect(file.separator).toBe(c.separator);

    // The independent reading of the same bytes.
    const text = decode(bytes, file.encoding);
    const records = referenceRecords(text, c.separator, c.newline, { minColumns: COLUMNS, dataFrom: 2 });
    const accepted = new Map<string, Expected>();
    const rejectedLines: number[] = [];
    let dataLines = 0;
    for (const record of records) {
      if (record.line <= 1) continue;
      if (record.quote !== 'too-long' && record.cells.every((cell) => cell.trim() === '')) continue;
      dataLines++;
      const expected = record.quote === null && record.cells.length >= COLUMNS ? readPlainly(record.cells) : null;
      if (expected === null) rejectedLines.push(record.line);
      else accepted.set(expected.key, expected);
    }

    expect(summary.linesRead).toBe(dataLines);
    expect(summary.linesRead).toBe(summary.tickets.new + summary.rejected);
    const rejects = env.db.sqlite.prepare('SELECT line FROM import_rejects ORDER BY line').all() as { line: number }[];
    expect(rejects.map((r) => r.line)).toEqual(rejectedLines);
    const tickets = env.db.sqlite
      .prepare('SELECT t.source_key AS key, t.unit_price_cents AS cents, t.seats, p.starts_at AS startsAt FROM tickets t JOIN performances p ON p.id = t.performance_id ORDER BY t.id')
      .all() as Expected[];
    expect(new Map(tickets.map((t) => [t.key, t]))).toEqual(accepted);
    expect(tickets).toHaveLength(accepted.size);
  } finally {
    await env.cleanup();
  }
}

describe('fuzzing the import with mutated exports', () => {
  it(
    'imports exactly the readable lines, or refuses with a message; never crashes nor hangs',
    async () => {
      await fc.assert(fc.asyncProperty(exportCase, checkCase), { seed: SEED, numRuns: NUM_RUNS, endOnFailure: true });
    },
    120_000,
  );
});
