/**
 * `npm run bench`, first part: `parterre seasons --json` as a whole process on a small database
 * (a few hundred tickets of the demo generator, imported once into a temporary folder). The same
 * measure on the million-line database closes import-bench.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoExport } from '../../resources/demo/generate.js';
import { cliStartReport, timeCliSeasons } from './cli-start.js';

const dir = mkdtempSync(join(tmpdir(), 'parterre-bench-cli-'));
try {
  const csv = join(dir, 'export.csv');
  await generateDemoExport({ path: csv, lines: 500 });
  const db = join(dir, 'parterre.sqlite');
  execFileSync(process.execPath, [join(import.meta.dirname, '..', '..', 'bin', 'parterre.mjs'), 'import', csv, '--db', db, '--json'], { stdio: 'ignore' });
  console.log('\nParterre command-line start benchmark — a small database (500 ticket lines)');
  console.log(cliStartReport('small database', timeCliSeasons(db)));
} finally {
  rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
}
