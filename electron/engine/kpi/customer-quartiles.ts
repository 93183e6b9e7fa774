/**
 * Quartile cut points of the four banded customer indicators, over customers with at least one
 * valid order, cached per data version (a list page must not re-sort 100,000 values each time).
 */
import type Database from 'better-sqlite3';
import { BANDED_INDICATORS, type Band, type BandedIndicator, type Quartiles } from '../../../shared/types.js';
import { cachedPerVersion } from './data-version.js';
import { bandOf, quartiles } from './quartiles.js';

export interface CustomerTotals {
  lifetimeValueCents: number;
  orders: number;
  tickets: number;
  activeSeasons: number;
}

export type BandedValues = Record<BandedIndicator, number | null>;

/**
 * The derived ratios, exact: cut points and bands are computed on them, never on a rounded
 * display (a basket of 1 462,25 € rounded to 1 462,30 € before interpolation would move Q1, and
 * two customers whose exact baskets differ could share a rounded value yet not a band). The
 * customer's displayed basket is rounded to the cent by the caller (`displayedBasketCents`).
 */
export function bandedValues(t: CustomerTotals): BandedValues {
  if (t.orders <= 0) {
    return { ordersPerSeason: null, lifetimeValueCents: t.lifetimeValueCents, averageBasketCents: null, ticketsPerOrder: null };
  }
  return {
    ordersPerSeason: t.activeSeasons > 0 ? t.orders / t.activeSeasons : null,
    lifetimeValueCents: t.lifetimeValueCents,
    averageBasketCents: t.lifetimeValueCents / t.orders,
    ticketsPerOrder: t.tickets / t.orders,
  };
}

/** The average basket as shown on a customer's line and record: rounded to the cent. */
export function displayedBasketCents(exact: number | null): number | null {
  return exact === null ? null : Math.round(exact);
}

function computeQuartiles(sqlite: Database.Database): Quartiles {
  const rows = sqlite
    .prepare(
      `SELECT lifetime_value_cents, orders, tickets, active_seasons FROM customer_stats WHERE orders > 0`,
    )
    .raw()
    .all() as [number, number, number, number][];
  const columns: Record<BandedIndicator, Float64Array> = {
    ordersPerSeason: new Float64Array(rows.length),
    lifetimeValueCents: new Float64Array(rows.length),
    averageBasketCents: new Float64Array(rows.length),
    ticketsPerOrder: new Float64Array(rows.length),
  };
  rows.forEach(([lifetimeValueCents, orders, tickets, activeSeasons], i) => {
    const values = bandedValues({ lifetimeValueCents, orders, tickets, activeSeasons });
    for (const indicator of BANDED_INDICATORS) columns[indicator][i] = values[indicator] ?? 0;
  });
  return Object.fromEntries(BANDED_INDICATORS.map((k) => [k, quartiles(columns[k])])) as Quartiles;
}

export function customerQuartiles(sqlite: Database.Database): Quartiles {
  return cachedPerVersion(sqlite, 'customer-quartiles', () => computeQuartiles(sqlite));
}

/** NULL for a customer with no valid order (outside the population the cut points describe). */
export function bandsOf(values: BandedValues, orders: number, cuts: Quartiles): Record<BandedIndicator, Band> | null {
  if (orders <= 0) return null;
  const bands = {} as Record<BandedIndicator, Band>;
  for (const indicator of BANDED_INDICATORS) {
    const cut = cuts[indicator];
    const value = values[indicator];
    if (!cut || value === null) return null;
    bands[indicator] = bandOf(value, cut);
  }
  return bands;
}
