/**
 * One customer's record: identity, address, consent, every indicator with its bands, the
 * subscriptions, and the history grouped by season → order → tickets (newest first), with
 * cancelled sales flagged and reversal lines that cancel nothing shown as cancelled lines.
 */
import type Database from 'better-sqlite3';
import { seasonLabel } from '../../../shared/season.js';
import type { ConsentState, CustomerRecord, HistorySeason, HistoryTicket } from '../../../shared/types.js';
import { EngineError } from '../errors.js';
import { CUSTOMER_COLUMNS, toSummaries, type CustomerRow } from './customer-summary.js';

interface IdentityRow extends CustomerRow {
  title: string | null;
  phone: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  country: string | null;
  consentEmail: number | null;
  consentEmailAt: string | null;
  consentEmailSource: string | null;
  consentSms: number | null;
  consentSmsAt: string | null;
  consentSmsSource: string | null;
  consentPost: number | null;
  consentPostAt: string | null;
  consentPostSource: string | null;
}

interface HistoryRow extends Omit<HistoryTicket, 'cancelled'> {
  seasonYear: number;
  orderKey: string;
  orderedAt: string | null;
  channel: string | null;
  isReversal: number;
}

const consent = (granted: number | null, at: string | null, source: string | null): ConsentState => ({
  granted: granted === null ? null : granted === 1,
  at,
  source,
});

function readIdentity(sqlite: Database.Database, by: { key: string } | { id: number }): IdentityRow {
  const where = 'key' in by ? 'c.source_key = ?' : 'c.id = ?';
  const row = sqlite
    .prepare(
      `SELECT ${CUSTOMER_COLUMNS}, c.title, c.phone, c.address1, c.address2, c.address3, c.country,
        c.consent_email AS consentEmail, c.consent_email_at AS consentEmailAt, c.consent_email_source AS consentEmailSource,
        c.consent_sms AS consentSms, c.consent_sms_at AS consentSmsAt, c.consent_sms_source AS consentSmsSource,
        c.consent_post AS consentPost, c.consent_post_at AS consentPostAt, c.consent_post_source AS consentPostSource
       FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id WHERE ${where}`,
    )
    .get('key' in by ? by.key : by.id) as IdentityRow | undefined;
  if (!row) {
    const what = 'key' in by ? `de numéro « ${by.key} »` : `d'identifiant ${by.id}`;
    throw new EngineError('NOT_FOUND', `Aucun client ${what} dans la base.`);
  }
  return row;
}

/**
 * Sales, and reversal lines that matched no sale (a matched one is already in its sale's valid
 * seats). The tickets are reached through the customer's orders (`orders_customer`, then
 * `tickets_order`): the tickets table has no customer index, to keep imports fast.
 *
 * Each table is narrowed on its own (WITH … MATERIALIZED, `IN (subquery)`) before the join: with
 * archives attached, `orders`, `tickets`, `performances` and `shows` are views over several files
 * (db/archives.ts), and SQLite reads a view that takes part in a join in full, whereas a view
 * filtered alone gets the filter pushed into each file, where the index serves it.
 */
export const HISTORY_SQL = `
WITH o AS MATERIALIZED (SELECT id, source_key, ordered_at, channel FROM orders WHERE customer_id = ?),
     t AS MATERIALIZED (SELECT id, source_key, order_id, performance_id, tariff_id, unit_price_cents, seats, valid_seats, is_reversal
                        FROM tickets WHERE order_id IN (SELECT id FROM o) AND (is_reversal = 0 OR reverses_ticket_id IS NULL)),
     p AS MATERIALIZED (SELECT id, show_id, season_year, starts_at, hall FROM performances WHERE id IN (SELECT performance_id FROM t)),
     sh AS MATERIALIZED (SELECT id, title, discipline FROM shows WHERE id IN (SELECT show_id FROM p))
SELECT p.season_year AS seasonYear, o.source_key AS orderKey, o.ordered_at AS orderedAt, o.channel,
       t.source_key AS key, sh.title AS show, sh.discipline, p.starts_at AS performanceAt, p.hall,
       nullif(tf.name, '') AS tariff, tf.kind AS tariffKind, t.unit_price_cents AS unitPriceCents, t.seats,
       t.valid_seats AS validSeats, t.is_reversal AS isReversal
FROM o
JOIN t ON t.order_id = o.id
JOIN tariffs tf ON tf.id = t.tariff_id
JOIN p ON p.id = t.performance_id
JOIN sh ON sh.id = p.show_id
ORDER BY p.season_year DESC, o.ordered_at DESC, o.id DESC, p.starts_at, t.id`;

function readHistory(sqlite: Database.Database, customerId: number, startMonth: number): HistorySeason[] {
  const rows = sqlite.prepare(HISTORY_SQL).all(customerId) as HistoryRow[];
  const seasons: HistorySeason[] = [];
  for (const row of rows) {
    let season = seasons.at(-1);
    if (season?.seasonYear !== row.seasonYear) {
      season = { seasonYear: row.seasonYear, label: seasonLabel(row.seasonYear, startMonth), tickets: 0, revenueCents: 0, orders: [] };
      seasons.push(season);
    }
    let order = season.orders.at(-1);
    if (order?.key !== row.orderKey) {
      order = { key: row.orderKey, orderedAt: row.orderedAt, channel: row.channel, totalCents: 0, tickets: [] };
      season.orders.push(order);
    }
    const revenue = row.validSeats * row.unitPriceCents;
    order.totalCents += revenue;
    season.tickets += row.validSeats;
    season.revenueCents += revenue;
    order.tickets.push({
      key: row.key,
      show: row.show,
      discipline: row.discipline,
      performanceAt: row.performanceAt,
      hall: row.hall,
      tariff: row.tariff,
      tariffKind: row.tariffKind,
      unitPriceCents: row.unitPriceCents,
      seats: row.seats,
      validSeats: row.validSeats,
      // A sale whose every seat was cancelled, or a reversal line left alone.
      cancelled: row.isReversal === 1 || row.validSeats === 0,
    });
  }
  return seasons;
}

export function customerRecord(sqlite: Database.Database, by: { key: string } | { id: number }, startMonth: number): CustomerRecord {
  const row = readIdentity(sqlite, by);
  const [summary] = toSummaries(sqlite, [row]);
  const subscriptions = (
    sqlite
      .prepare(
        `SELECT season_year AS seasonYear, formula, tickets FROM subscriptions WHERE customer_id = ? ORDER BY season_year DESC, formula`,
      )
      .all(row.id) as { seasonYear: number; formula: string; tickets: number }[]
  ).map((s) => ({ ...s, label: seasonLabel(s.seasonYear, startMonth) }));
  return {
    ...summary,
    title: row.title,
    lastName: row.lastName,
    firstName: row.firstName,
    phone: row.phone,
    address: [row.address1, row.address2, row.address3].filter((line): line is string => !!line && line.trim() !== ''),
    country: row.country,
    consent: {
      email: consent(row.consentEmail, row.consentEmailAt, row.consentEmailSource),
      sms: consent(row.consentSms, row.consentSmsAt, row.consentSmsSource),
      post: consent(row.consentPost, row.consentPostAt, row.consentPostSource),
    },
    subscriptions,
    history: readHistory(sqlite, row.id, startMonth),
  };
}
