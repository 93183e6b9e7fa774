/** See archive-child.mjs. Arguments: DB DATADIR SEASONS(comma-separated years) STEP OCCURRENCE. */
import { openDatabase } from '../../db/open.js';
import { archiveSeasons, type ArchiveStep } from '../../electron/engine/archives/archive-seasons.js';
import { openArchives } from '../../electron/engine/archives/attach.js';

const [dbPath, dataDir, seasons, killStep, occurrence] = process.argv.slice(2);
const db = openDatabase(dbPath);
openArchives(db, dataDir);
let seen = 0;
await archiveSeasons(db, dataDir, seasons.split(',').map(Number), {
  chunkRows: 150,
  onStep: (step: ArchiveStep) => {
    if (step === killStep && ++seen === Number(occurrence)) process.kill(process.pid, 'SIGKILL');
  },
});
// Not killed (the step came fewer times than asked): say so, the test then sees a finished move.
process.stdout.write('finished\n');
