/**
 * The ready-made segments a user starts from with one click (DOMAIN.md, Segments), written
 * for the newest season in the data. Their definitions are shown in the builder.
 */
import { seasonLabel } from '../../../shared/season.js';
import type { ReadySegment } from '../../../shared/segments-types.js';

export function readySegments(latestSeason: number | null, startMonth: number): ReadySegment[] {
  const ladder: [string, number, number | undefined][] = [
    ['ladder1', 1, 1],
    ['ladder2', 2, 2],
    ['ladder3', 3, 3],
    ['ladder4to10', 4, 10],
    ['ladderOver10', 11, undefined],
  ];
  const ready: ReadySegment[] = [];
  if (latestSeason !== null) {
    const now = seasonLabel(latestSeason, startMonth);
    const before = seasonLabel(latestSeason - 1, startMonth);
    ready.push({ key: 'firstTimers', criteria: { field: 'firstPurchase', seasons: [now] } });
    ready.push({
      key: 'notRenewed',
      criteria: { and: [{ field: 'subscriber', seasons: [before] }, { not: { field: 'subscriber', seasons: [now] } }] },
    });
  }
  ready.push({ key: 'lapsed', criteria: { field: 'lastPurchase', minMonthsAgo: 18, maxMonthsAgo: 36 } });
  for (const [key, min, max] of ladder) {
    ready.push({ key, criteria: { field: 'range', indicator: 'performances', min, ...(max !== undefined ? { max } : {}), withinMonths: 18 } });
  }
  ready.push({
    key: 'sawXnotY',
    incomplete: true,
    criteria: { and: [{ field: 'show', values: [''] }, { not: { field: 'show', values: [''] } }] },
  });
  return ready;
}
