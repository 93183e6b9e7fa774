/**
 * A season's programme: shows in six disciplines, each played a few times in one hall between
 * mid-September and mid-June, with a full price and a target fill rate (55–95 %).
 */
import { COMPANIES, DISCIPLINES, DISCIPLINE_PROFILE, TITLE_HEADS, TITLE_TAILS, type Discipline, type Hall } from './catalog.js';
import { clockTime, dayOf, frenchDate, weekdayOf } from './calendar.js';
import { cell, SEPARATOR } from './csv.js';
import type { Random } from './random.js';
import { cp1252Bytes } from './writer.js';

export interface Performance {
  number: number;
  /** Distinct per show, across seasons: a subscription takes different shows. */
  show: number;
  day: number;
  discipline: Discipline;
  /** The show's full price in cents. */
  fullPriceCents: number;
  /** Seats still to sell before the performance reaches its target fill. */
  remaining: number;
  /** The performance columns of a ticket line, already quoted, joined and encoded (`cp1252Bytes`). */
  columns: string;
}

export interface ProgrammeCounters {
  nextPerformance: number;
  nextShow: number;
  titles: Set<string>;
}

function uniqueTitle(random: Random, titles: Set<string>): string {
  for (let attempt = 0; ; attempt++) {
    const base = `${random.pick(TITLE_HEADS)} ${random.pick(TITLE_TAILS)}`;
    const title = attempt < 20 ? base : `${base} (reprise ${attempt})`;
    if (!titles.has(title)) {
      titles.add(title);
      return title;
    }
  }
}

/** Evenings Tuesday to Saturday, Sunday matinée; young audiences on Wednesday and Saturday afternoons. */
function showTime(discipline: Discipline, weekday: number): number {
  if (discipline === 'Jeune public') return weekday === 3 || weekday === 6 ? 15 * 60 : 10 * 60;
  return weekday === 0 ? 16 * 60 : 20 * 60 + 30;
}

export function createProgramme(
  random: Random,
  seasonYear: number,
  shows: number,
  performances: number,
  counters: ProgrammeCounters,
): Performance[] {
  const first = dayOf(seasonYear, 9, 15);
  const last = dayOf(seasonYear + 1, 6, 20);
  const shares = DISCIPLINES.map((d) => DISCIPLINE_PROFILE[d].share);
  const runWeights = Array.from({ length: shows }, () => random.int(1, 6));
  const totalWeight = runWeights.reduce((a, b) => a + b, 0);
  const list: Performance[] = [];
  let leftToPlace = performances;

  for (let s = 0; s < shows; s++) {
    const discipline = DISCIPLINES[random.weighted(shares)];
    const profile = DISCIPLINE_PROFILE[discipline];
    const hall: Hall = profile.halls[random.weighted(profile.halls.map((h) => h.weight))].hall;
    const title = uniqueTitle(random, counters.titles);
    const show = counters.nextShow++;
    const company = random.pick(COMPANIES);
    // Whole euros or half euros, as box offices price.
    const fullPriceCents = random.int(profile.price[0] * 2, profile.price[1] * 2) * 50;
    // New creations are taxed at 2.1 % for their first 140 performances, the rest at 5.5 %.
    const vat = random.chance(0.15) ? '2,1' : '5,5';
    const runs = s === shows - 1 ? leftToPlace : Math.max(1, Math.round((performances * runWeights[s]) / totalWeight));
    const count = Math.max(1, Math.min(runs, leftToPlace - (shows - 1 - s)));
    leftToPlace -= count;

    let day = first + random.int(0, last - first - count * 2);
    for (let p = 0; p < count; p++) {
      // A long run that would spill past June starts again in the autumn: performances stay Sept–June.
      if (day > last) day = first + random.int(0, 60);
      if (weekdayOf(day) === 1) day++; // dark on Mondays
      const capacity = hall.capacity;
      const fill = 0.55 + random.next() * 0.4;
      const target = capacity === null ? random.int(40, 90) : Math.round(capacity * fill);
      const number = counters.nextPerformance++;
      const columns = [
        String(number),
        frenchDate(day),
        clockTime(showTime(discipline, weekdayOf(day))),
        title,
        discipline,
        company,
        hall.name,
        capacity === null ? '' : String(capacity),
        vat,
      ]
        .map(cell)
        .join(SEPARATOR);
      list.push({ number, show, day, discipline, fullPriceCents, remaining: target, columns: cp1252Bytes(columns) });
      day += random.chance(0.7) ? 1 : random.int(2, 7);
    }
  }
  return list;
}

/**
 * Removes performances until the seats to sell fit the budget, so that the export has about the
 * number of lines asked for whatever halls the dice chose: first never a show's last
 * performance; for a very small demo, then whole shows, and at last fewer seats sold.
 */
export function trimToSeats(random: Random, list: Performance[], seats: number): Performance[] {
  const kept = [...list];
  const perShow = new Map<number, number>();
  for (const p of kept) perShow.set(p.show, (perShow.get(p.show) ?? 0) + 1);
  let total = kept.reduce((n, p) => n + p.remaining, 0);
  const remove = (at: number) => {
    const p = kept[at];
    perShow.set(p.show, perShow.get(p.show)! - 1);
    total -= p.remaining;
    kept.splice(at, 1);
  };
  for (let attempt = 0; total > seats && attempt < list.length * 4; attempt++) {
    const at = Math.floor(random.next() * kept.length);
    if (perShow.get(kept[at].show)! > 1) remove(at);
  }
  for (let at = kept.length - 1; at > 0 && total > seats; at--) if (total - kept[at].remaining >= seats) remove(at);
  for (let at = kept.length - 1; at >= 0 && total > seats; at--) {
    const cut = Math.min(kept[at].remaining - 1, total - Math.round(seats));
    kept[at].remaining -= cut;
    total -= cut;
  }
  return kept;
}
