/** The season report: its figures, a performance's capacity, and the desktop-only PDF save. */
import type { HandlerTable } from '../context.js';
import { EngineError } from '../errors.js';
import { setPerformanceCapacity } from '../reports/capacity.js';
import { seasonReport } from '../reports/season-report.js';

export const reportHandlers: HandlerTable<'reports.season' | 'performances.setCapacity' | 'print.savePdf'> = {
  'reports.season': (input, { db }) => seasonReport(db.sqlite, input.season),
  'performances.setCapacity': (input, { db }) => setPerformanceCapacity(db.sqlite, input.key, input.capacity),
  // Answered by the desktop shell (electron/desktop/ipc.ts) before the engine sees it.
  'print.savePdf': () => {
    throw new EngineError('UNAVAILABLE', 'L’enregistrement en PDF passe ici par l’impression du navigateur (choisir « Enregistrer au format PDF »).');
  },
};
