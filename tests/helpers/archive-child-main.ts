/**
 * See archive-child.mjs. Arguments: DB DATADIR WHAT STEP OCCURRENCE, where WHAT is the seasons
 * to archive (comma-separated years) or `merge:1,2` (the archive files to regroup, by number).
 */
import { openDatabase } from '../../db/open.js';
import { archiveSeasons, mergeArchives, type ArchiveStep } from '../../electron/engine/archives/archive-seasons.js';
import { openArchives } from '../../electron/engine/archives/attach.js';

const [dbPath, dataDir, what, killStep, occurrence] = process.argv.slice(2);
const db = openDatabase(dbPath);
openArchives(db, dataDir);
let seen = 0;
const options = {
  chunkRows: 150,
  onStep: (step: ArchiveStep) => {
    if (step === killStep && ++seen === Number(occurrence)) process.kill(process.pid, 'SIGKILL');
  },
};
if (what.startsWith('merge:')) await mergeArchives(db, dataDir, what.slice(6).split(',').map(Number), options);
else await archiveSeasons(db, dataDir, what.split(',').map(Number), options);
// Not killed (the step came fewer times than asked): say so, the test then sees a finished move.
process.stdout.write('finished\n');
