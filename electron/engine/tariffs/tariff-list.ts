/**
 * Every tariff with its valid tickets, revenue and price range, the kind Parterre proposed and
 * why, the kind every figure counts and whether the user confirmed it (the tariffs screen,
 * `parterre tariffs`). Tariffs that no ticket line uses any more (a re-import moved their lines
 * to a tariff proposed otherwise) are left out: they count in no figure.
 */
import type Database from 'better-sqlite3';
import type { TariffKindName, TariffKindReason, TariffRow } from '../../../shared/tariff-types.js';
import { proposeTariffKindOfTexts } from '../import/propose/tariff-kind.js';
import { forEachRow } from '../kpi/each-row.js';

/** The tariffs, a dozen rows. */
const TARIFFS = `SELECT id, name, coalesce(proposed_kind, kind) AS proposedKind, kind, kind_confirmed AS confirmed FROM tariffs`;

interface TariffDbRow {
  id: number;
  name: string;
  proposedKind: TariffKindName;
  kind: TariffKindName;
  confirmed: number;
}

/** Per tariff id, over its ticket lines (valid seats only for the figures and the price range). */
interface Totals {
  lines: number;
  tickets: number;
  revenueCents: number;
  minPriceCents: number | null;
  maxPriceCents: number | null;
  maxAbsPriceCents: number;
}

/**
 * Why the import proposed `proposed` for a tariff, from what the database still knows: its name
 * and its prices. The proposal also read the category and subscription columns, which are not
 * kept; when the name alone does not give the proposed kind, one of those did.
 */
export function reasonOf(name: string, proposed: TariffKindName, maxAbsPriceCents: number): TariffKindReason {
  const byName = proposeTariffKindOfTexts(name, '', '');
  if (proposed === 'free' && byName.kind !== 'free' && maxAbsPriceCents === 0) return { source: 'price' };
  if (byName.kind === proposed) return byName.reason;
  return { source: 'import' };
}

/**
 * One sequential read of the tickets (each-row.ts) summed per tariff in JavaScript: a GROUP BY
 * over a million tickets without an index on the tariff sorts them all (~1.3 s on the 120,000
 * lines of the demo), this read does not (kpi-bench's ticket pass: a few hundred ms per million).
 */
function totalsPerTariff(sqlite: Database.Database): Map<number, Totals> {
  const totals = new Map<number, Totals>();
  forEachRow(sqlite, ['tariff_id', 'valid_seats', 'unit_price_cents'], 'tickets', (tariff: number, seats: number, price: number) => {
    let t = totals.get(tariff);
    if (!t) totals.set(tariff, (t = { lines: 0, tickets: 0, revenueCents: 0, minPriceCents: null, maxPriceCents: null, maxAbsPriceCents: 0 }));
    t.lines++;
    t.maxAbsPriceCents = Math.max(t.maxAbsPriceCents, Math.abs(price));
    if (seats <= 0) return;
    t.tickets += seats;
    t.revenueCents += seats * price;
    t.minPriceCents = t.minPriceCents === null ? price : Math.min(t.minPriceCents, price);
    t.maxPriceCents = t.maxPriceCents === null ? price : Math.max(t.maxPriceCents, price);
  });
  return totals;
}

/** Most tickets first, then by name. */
export function listTariffs(sqlite: Database.Database): TariffRow[] {
  const totals = totalsPerTariff(sqlite);
  const rows: TariffRow[] = [];
  for (const row of sqlite.prepare(TARIFFS).all() as TariffDbRow[]) {
    const t = totals.get(row.id);
    if (!t) continue;
    rows.push({
      id: row.id,
      name: row.name,
      tickets: t.tickets,
      revenueCents: t.revenueCents,
      minPriceCents: t.minPriceCents,
      maxPriceCents: t.maxPriceCents,
      proposedKind: row.proposedKind,
      reason: reasonOf(row.name, row.proposedKind, t.maxAbsPriceCents),
      kind: row.kind,
      confirmed: row.confirmed === 1,
    });
  }
  return rows.sort((a, b) => b.tickets - a.tickets || a.name.localeCompare(b.name, 'fr') || a.id - b.id);
}
