/**
 * The show and performance columns of a line (performances file or flat ticket-lines file) →
 * a show row and a performance row (a performance's season follows from its start; its tickets'
 * season is its own).
 */
import { seasonYearOf } from '../../../../shared/season.js';
import type { LineFields } from './fields.js';
import { performanceKey, showKey } from './identity.js';
import type { EntityStore, Value } from '../write/stores.js';
import { CellsMemo } from './cells-memo.js';
import { detach } from './text.js';
import { PERFORMANCE_FIELDS } from '../../../../shared/import-fields.js';

export const SHOW_COLUMNS = ['title', 'discipline', 'company'] as const;
export const PERFORMANCE_COLUMNS = ['show_id', 'starts_at', 'season_year', 'hall', 'capacity', 'vat_rate_bp'] as const;
export const P_STARTS_AT = 1;
/** The show of a line that names none, on a performance never seen before. */
const UNTITLED = '(spectacle sans titre)';

export interface PerformanceRead {
  showKey: string | null;
  showTitle: string;
  showId: string;
  showVals: Value[];
  key: string;
  startsAt: string;
  /** False when the line gives a date only: it then keeps a stored time of the same day. */
  hasTime: boolean;
  hall: string;
  capacity: number | null;
  vatBp: number | null;
}

export function readPerformance(fields: LineFields): PerformanceRead {
  const startsAt = fields.dateTime('performanceDate', 'performanceTime', true)!;
  const showId = fields.text('showId');
  const showTitle = fields.text('showTitle');
  const sKey = showId !== '' || showTitle !== '' ? showKey(showId, showTitle) : null;
  const hall = fields.text('hall');
  return {
    showKey: sKey,
    showTitle,
    showId,
    showVals: [showTitle, fields.text('discipline'), fields.text('company')],
    key: performanceKey(fields.text('performanceId'), sKey ?? showKey('', ''), startsAt, hall),
    startsAt,
    hasTime: fields.text('performanceTime') !== '' || fields.text('performanceDate').length > 10,
    hall,
    capacity: fields.capacity(),
    vatBp: fields.vatBp(),
  };
}

const READ_CACHE_LIMIT = 10_000;

/** `readPerformance`'s result with its strings detached: a cell sliced from a 1 MB chunk would keep the chunk alive in the cache. */
function detachedRead(r: PerformanceRead): PerformanceRead {
  return {
    ...r,
    showKey: r.showKey === null ? null : detach(r.showKey),
    showTitle: detach(r.showTitle),
    showId: detach(r.showId),
    showVals: r.showVals.map(detach),
    key: detach(r.key),
    startsAt: detach(r.startsAt),
    hall: detach(r.hall),
  };
}

/**
 * `readPerformance` memoised on the line's performance cells (see CellsMemo, by performance
 * number): a file repeats a few hundred performances over a million lines. Only lines that read
 * well are kept (a bad one throws again).
 */
export function cachedPerformanceReader(fields: LineFields): () => PerformanceRead {
  const group = fields.group(PERFORMANCE_FIELDS);
  const number = fields.mapping.performanceId;
  const memo = new CellsMemo<PerformanceRead>(READ_CACHE_LIMIT);
  // An order's lines are often for one performance: the line before's is compared first.
  let lastCells: string | null = null;
  let lastRead: PerformanceRead | null = null;
  return () => {
    const cells = fields.groupKey(group);
    if (cells === lastCells) return lastRead!;
    const lookup = CellsMemo.lookupOf(number === undefined ? undefined : fields.cell(number), cells);
    let read = memo.get(lookup, cells);
    if (read === undefined) memo.add(lookup, cells, (read = detachedRead(readPerformance(fields))));
    lastCells = cells;
    lastRead = read;
    return read;
  };
}

export interface PerformanceWriter {
  shows: EntityStore;
  performances: EntityStore;
  seasonStartMonth: number;
}

/** Writes the show and the performance; returns the performance's entry. */
export function upsertPerformance(w: PerformanceWriter, read: PerformanceRead) {
  let showDbId: number | null = null;
  const known = w.performances.get(read.key);
  if (read.showKey !== null) {
    const vals = read.showVals.slice();
    // A new show needs a title: its number stands in until a line gives one.
    if (read.showTitle === '' && !w.shows.get(read.showKey)) vals[0] = read.showId;
    showDbId = w.shows.upsert(read.showKey, vals).id;
  } else if (!known) {
    showDbId = w.shows.upsert(showKey('', ''), [UNTITLED, null, null]).id;
  }
  const stored = known?.vals[P_STARTS_AT] as string | undefined;
  const startsAt = !read.hasTime && stored?.slice(0, 10) === read.startsAt.slice(0, 10) ? stored : read.startsAt;
  const season = seasonYearOf(startsAt, w.seasonStartMonth);
  return w.performances.upsert(read.key, [showDbId, startsAt, season, read.hall, read.capacity, read.vatBp]);
}
