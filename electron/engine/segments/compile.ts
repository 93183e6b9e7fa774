/**
 * Compiles a criteria tree (shared/segments-criteria.ts) to one SQL predicate over
 * `seg_customers c` (facts.ts: one narrow row per customer), with its parameters. Only our own fixed SQL text is
 * ever concatenated: every value the user gave (titles, cities, postal codes, seasons, bounds)
 * becomes a `?` parameter. Column names come from closed lists, never from the input.
 *
 * Each leaf yields 0 or 1, never NULL (a customer without indicators has NULL ratios), so that
 * NOT of a criterion is exactly the customers the criterion leaves out.
 */
import { seasonYearOfLabel } from '../../../shared/season.js';
import {
  isAnd,
  isNot,
  isOr,
  type ConsentChannel,
  type Criteria,
  type Leaf,
  type RangeIndicator,
} from '../../../shared/segments-criteria.js';
import type { BandedIndicator, Quartiles } from '../../../shared/types.js';
import { foldForSearch } from '../kpi/search-text.js';
import { SEASON_BITS } from './facts.js';

export interface CompileContext {
  /** The newest order date in the data (`YYYY-MM-DD`): recency and « months ago » count to it. */
  newestDate: string | null;
  /** The bands' cut points (kpi/customer-quartiles.ts). */
  quartiles: Quartiles;
  /** The season of bit 0 of `season_mask` and `subscriber_mask` (facts.ts). */
  seasonBase: number;
}

export interface Compiled {
  sql: string;
  params: (string | number)[];
}

/** The FROM every compiled predicate expects. */
export const SEGMENT_FROM = 'temp.seg_customers c';

const placeholders = (n: number) => Array.from({ length: n }, () => '?').join(', ');

/** `2024-2025` → 2024: the season_year the tables store. */
const seasonYears = (labels: string[]) => labels.map(seasonYearOfLabel);

/** Indicator expressions exactly as kpi/customer-quartiles.ts derives them (basket rounded to the cent). */
const INDICATOR_SQL: Record<Exclude<RangeIndicator, 'performances' | 'recencyDays'>, string> = {
  lifetimeValueCents: 'c.ltv',
  orders: 'c.orders',
  activeSeasons: 'COALESCE(c.active_seasons, 0)',
  averageBasketCents: 'CASE WHEN c.orders > 0 THEN ROUND(c.ltv * 1.0 / c.orders) END',
  ticketsPerOrder: 'CASE WHEN c.orders > 0 THEN c.tickets * 1.0 / c.orders END',
  ordersPerSeason: 'CASE WHEN c.active_seasons > 0 THEN c.orders * 1.0 / c.active_seasons END',
};

const CONSENT_COLUMN: Record<ConsentChannel, string> = {
  email: 'c.consent_email',
  sms: 'c.consent_sms',
  post: 'c.consent_post',
};

const SHOW_COLUMN = {
  discipline: "COALESCE(sh.discipline, 'Non renseignée')",
  show: 'sh.title',
  company: "COALESCE(sh.company, 'Non renseignée')",
} as const;

/** `YYYY-MM-DD` minus `months` calendar months (SQLite's own date arithmetic gives the same). */
export function monthsBefore(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1 - months, d));
  return date.toISOString().slice(0, 10);
}

class Compiler {
  readonly params: (string | number)[] = [];
  constructor(private readonly ctx: CompileContext) {}

  private bind(...values: (string | number)[]): string {
    this.params.push(...values);
    return placeholders(values.length);
  }

  node(c: Criteria): string {
    if (isAnd(c)) return c.and.length === 0 ? '1' : `(${c.and.map((x) => this.node(x)).join(' AND ')})`;
    if (isOr(c)) return c.or.length === 0 ? '0' : `(${c.or.map((x) => this.node(x)).join(' OR ')})`;
    if (isNot(c)) return `(NOT ${this.node(c.not)})`;
    return `COALESCE(${this.leaf(c)}, 0)`;
  }

  /** A test of the seasons' bits, or null when one is outside the 52 a mask holds. */
  private seasonBits(column: string, labels: string[]): string | null {
    let mask = 0n;
    for (const year of seasonYears(labels)) {
      const bit = year - this.ctx.seasonBase;
      if (!Number.isInteger(bit) || bit < 0 || bit >= SEASON_BITS) return null;
      mask |= 1n << BigInt(bit);
    }
    return `(${column} & ${this.bind(Number(mask))}) <> 0`;
  }

  /** Season filter on seg_facts `f`, or nothing. */
  private factSeasons(seasons: string[] | undefined, alias = 'f'): string {
    return seasons ? ` AND ${alias}.season_year IN (${this.bind(...seasonYears(seasons))})` : '';
  }

  private leaf(c: Leaf): string {
    switch (c.field) {
      case 'discipline':
      case 'show':
      case 'company': {
        const shows = `SELECT sh.id FROM shows sh WHERE ${SHOW_COLUMN[c.field]} IN (${this.bind(...c.values)})`;
        const seasons = this.factSeasons(c.seasons);
        const min = c.minPerformances ?? 1;
        const having = min > 1 ? ` GROUP BY f.customer_id HAVING COUNT(DISTINCT f.performance_id) >= ${this.bind(min)}` : '';
        return `c.id IN (SELECT f.customer_id FROM seg_facts f WHERE f.show_id IN (${shows})${seasons}${having})`;
      }
      case 'bought':
        if (!c.seasons) return 'c.has_stats';
        return this.seasonBits('c.season_mask', c.seasons) ?? `c.id IN (SELECT f.customer_id FROM seg_facts f WHERE f.season_year IN (${this.bind(...seasonYears(c.seasons))}))`;
      case 'subscriber': {
        if (!c.seasons) return 'c.subscriber_mask <> 0';
        return (
          this.seasonBits('c.subscriber_mask', c.seasons) ??
          `c.id IN (SELECT cs.customer_id FROM customer_seasons cs WHERE cs.subscription_tickets > 0 AND cs.season_year IN (${this.bind(...seasonYears(c.seasons))}))`
        );
      }
      case 'firstPurchase':
        return c.seasons ? `c.first_season IN (${this.bind(...seasonYears(c.seasons))})` : 'c.has_stats';
      case 'band':
        return this.band(c.indicator, c.values);
      case 'range':
        return this.range(c);
      case 'lastPurchase': {
        const newest = this.ctx.newestDate;
        if (!newest) return '0';
        const parts: string[] = [];
        if (c.minMonthsAgo !== undefined) parts.push(`c.last_purchase <= ${this.bind(monthsBefore(newest, c.minMonthsAgo))}`);
        if (c.maxMonthsAgo !== undefined) parts.push(`c.last_purchase >= ${this.bind(monthsBefore(newest, c.maxMonthsAgo))}`);
        return `(${parts.join(' AND ')})`;
      }
      case 'departement':
        return `c.departement IN (${this.bind(...c.values.map((v) => v.trim().toUpperCase()))})`;
      case 'postalCode': {
        // A value is a code or its beginning (« 75 », « 750 »): compared without LIKE, so « % » and « _ » are plain characters.
        const codes = c.values.map((v) => v.replace(/\s/g, '')).filter(Boolean);
        if (codes.length === 0) return '0';
        return `(${codes.map((v) => `substr(c.postal_code, 1, ${this.bind(v.length)}) = ${this.bind(v)}`).join(' OR ')})`;
      }
      case 'city':
        return `c.city_folded IN (${this.bind(...c.values.map(foldForSearch))})`;
      case 'channel':
      case 'tariffKind': {
        const column = c.field === 'channel' ? 'f.channel' : 'f.tariff_kind';
        return `c.id IN (SELECT f.customer_id FROM seg_facts f WHERE ${column} IN (${this.bind(...c.values)})${this.factSeasons(c.seasons)})`;
      }
      case 'consent':
        return `${CONSENT_COLUMN[c.channel]} = 1`;
      case 'hasEmail':
        return 'c.has_email';
      case 'hasPhone':
        return 'c.has_phone';
      case 'hasAddress':
        return 'c.has_address';
    }
  }

  /** DOMAIN.md bands: Bas v ≤ Q1 < Moyenne basse ≤ Q2 < Moyenne haute ≤ Q3 < Haut; customers with a valid order only. */
  private band(indicator: BandedIndicator, bands: string[]): string {
    const cut = this.ctx.quartiles[indicator];
    if (!cut) return '0';
    const value = INDICATOR_SQL[indicator];
    const [q1, q2, q3] = cut;
    const tests = bands.map((band) => {
      switch (band) {
        case 'Bas':
          return `${value} <= ${this.bind(q1)}`;
        case 'Moyenne basse':
          return `(${value} > ${this.bind(q1)} AND ${value} <= ${this.bind(q2)})`;
        case 'Moyenne haute':
          return `(${value} > ${this.bind(q2)} AND ${value} <= ${this.bind(q3)})`;
        default:
          return `${value} > ${this.bind(q3)}`;
      }
    });
    return `(c.orders > 0 AND (${tests.join(' OR ')}))`;
  }

  private range(c: Extract<Leaf, { field: 'range' }>): string {
    if (c.indicator === 'performances') return this.performances(c);
    const newest = this.ctx.newestDate;
    if (c.indicator === 'recencyDays' && !newest) return '0';
    // A function: the recency's expression holds a parameter, bound again at each use.
    const value = () =>
      c.indicator === 'recencyDays'
        ? `CAST(ROUND(julianday(${this.bind(newest!)}) - julianday(c.last_purchase)) AS INTEGER)`
        : INDICATOR_SQL[c.indicator as keyof typeof INDICATOR_SQL];
    const parts: string[] = [];
    if (c.min !== undefined) parts.push(`${value()} >= ${this.bind(c.min)}`);
    if (c.max !== undefined) parts.push(`${value()} <= ${this.bind(c.max)}`);
    return `(${parts.join(' AND ')})`;
  }

  /** Distinct performances attended (of the seasons, of the last months), customers with none included when min ≤ 0. */
  private performances(c: Extract<Leaf, { field: 'range' }>): string {
    let filter = this.factSeasons(c.seasons);
    if (c.withinMonths !== undefined) {
      if (!this.ctx.newestDate) return '0';
      filter += ` AND f.day > ${this.bind(monthsBefore(this.ctx.newestDate, c.withinMonths))} AND f.day <= ${this.bind(this.ctx.newestDate)}`;
    }
    const count = 'COUNT(DISTINCT f.performance_id)';
    const grouped = (having: string) => `SELECT f.customer_id FROM seg_facts f WHERE 1${filter} GROUP BY f.customer_id HAVING ${having}`;
    const min = c.min ?? 0;
    if (min > 0) {
      const max = c.max !== undefined ? ` AND ${count} <= ?` : '';
      // Bound in text order: the filter's parameters were bound first, then these.
      this.params.push(min);
      if (c.max !== undefined) this.params.push(c.max);
      return `c.id IN (${grouped(`${count} >= ?${max}`)})`;
    }
    if (c.max === undefined) return '1';
    this.params.push(c.max);
    return `c.id NOT IN (${grouped(`${count} > ?`)})`;
  }
}

export function compileCriteria(criteria: Criteria, ctx: CompileContext): Compiled {
  const compiler = new Compiler(ctx);
  const sql = compiler.node(criteria);
  return { sql, params: compiler.params };
}
