/** Segments: saved criteria, counts, waterfall, overlap, affinities, exports and their log. */
import type Database from 'better-sqlite3';
import type { Criteria } from '../../../shared/segments-criteria.js';
import type { HandlerTable } from '../context.js';
import { getSeasonStartMonth } from '../settings.js';
import { affinities } from '../segments/affinities.js';
import { readExportLog } from '../segments/export/log.js';
import { exportSegment, printList } from '../segments/export/run-export.js';
import { segmentOptions } from '../segments/options.js';
import { overlap } from '../segments/overlap.js';
import { countWithSample } from '../segments/query.js';
import { readySegments } from '../segments/ready-made.js';
import { deleteSegment, duplicateSegment, getSegment, listSegments, saveSegment } from '../segments/store.js';
import { waterfall } from '../segments/waterfall.js';

/** The criteria of a saved segment (with its name) or the tree given. */
function target(sqlite: Database.Database, input: { id?: number; criteria?: Criteria }) {
  if (input.id !== undefined) {
    const segment = getSegment(sqlite, input.id);
    return { criteria: segment.criteria, segmentId: segment.id, segmentName: segment.name };
  }
  return { criteria: input.criteria!, segmentId: null, segmentName: null };
}

type SegmentCalls =
  | 'segments.list'
  | 'segments.get'
  | 'segments.save'
  | 'segments.duplicate'
  | 'segments.delete'
  | 'segments.count'
  | 'segments.waterfall'
  | 'segments.overlap'
  | 'segments.affinities'
  | 'segments.options'
  | 'segments.ready'
  | 'segments.export'
  | 'segments.print'
  | 'segments.exportLog';

export const segmentHandlers: HandlerTable<SegmentCalls> = {
  'segments.list': (_input, { db }) => listSegments(db.sqlite),
  'segments.get': ({ id }, { db }) => getSegment(db.sqlite, id),
  'segments.save': (input, { db }) => saveSegment(db.sqlite, input),
  'segments.duplicate': ({ id, name }, { db }) => duplicateSegment(db.sqlite, id, name),
  'segments.delete': ({ id }, { db }) => deleteSegment(db.sqlite, id),
  'segments.count': (input, { db }) => countWithSample(db.sqlite, target(db.sqlite, input).criteria, input.sample),
  'segments.waterfall': (input, { db }) => waterfall(db.sqlite, target(db.sqlite, input).criteria),
  'segments.overlap': ({ sets }, { db }) =>
    overlap(
      db.sqlite,
      sets.map((set) => {
        if ('show' in set) return { label: set.show, criteria: { field: 'show', values: [set.show] } };
        const segment = getSegment(db.sqlite, set.segmentId);
        return { label: segment.name, criteria: segment.criteria };
      }),
    ),
  'segments.affinities': (input, { db }) => affinities(db.sqlite, input),
  'segments.options': (_input, { db }) => segmentOptions(db.sqlite, getSeasonStartMonth(db.sqlite)),
  'segments.ready': (_input, { db }) => {
    const latest = db.sqlite.prepare('SELECT MAX(season_year) FROM performances').pluck().get() as number | null;
    return readySegments(latest, getSeasonStartMonth(db.sqlite));
  },
  'segments.export': (input, { db }) =>
    exportSegment(db.sqlite, {
      ...target(db.sqlite, input),
      channel: input.channel,
      format: input.format,
      maxConsentAgeYears: input.maxConsentAgeYears,
      fileName: input.fileName,
    }),
  'segments.print': (input, { db }) => {
    const t = target(db.sqlite, input);
    return printList(db.sqlite, { ...t, channel: input.channel, maxConsentAgeYears: input.maxConsentAgeYears, title: t.segmentName ?? 'Segment' });
  },
  'segments.exportLog': ({ limit }, { db }) => readExportLog(db.sqlite, limit),
};
