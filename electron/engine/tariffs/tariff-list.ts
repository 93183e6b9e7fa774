/**
 * Every tariff with its valid tickets, revenue and price range, the kind Parterre proposed and
 * why, the kind every figure counts and whether the user confirmed it (the tariffs screen,
 * `parterre tariffs`). Tariffs that no ticket line uses any more (a re-import moved their lines
 * to a tariff proposed otherwise) are left out: they count in no figure.
 */
import type Database from 'better-sqlite3';
import type { TariffKindName, TariffKindReason, TariffRow } from '../../../shared/tariff-types.js';
import { proposeTariffKindOfTexts } from '../import/propose/tariff-kind.js';

const LIST = `
SELECT f.id, f.name, coalesce(f.proposed_kind, f.kind) AS proposedKind, f.kind, f.kind_confirmed AS confirmed,
       coalesce(sum(t.valid_seats), 0) AS tickets,
       coalesce(sum(t.valid_seats * t.unit_price_cents), 0) AS revenueCents,
       min(CASE WHEN t.valid_seats > 0 THEN t.unit_price_cents END) AS minPriceCents,
       max(CASE WHEN t.valid_seats > 0 THEN t.unit_price_cents END) AS maxPriceCents,
       max(abs(t.unit_price_cents)) AS maxAbsPriceCents
FROM tariffs f JOIN tickets t ON t.tariff_id = f.id
GROUP BY f.id
ORDER BY tickets DESC, f.name, f.id`;

interface ListRow {
  id: number;
  name: string;
  proposedKind: TariffKindName;
  kind: TariffKindName;
  confirmed: number;
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

export function listTariffs(sqlite: Database.Database): TariffRow[] {
  const rows = sqlite.prepare(LIST).all() as ListRow[];
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    tickets: row.tickets,
    revenueCents: row.revenueCents,
    minPriceCents: row.minPriceCents,
    maxPriceCents: row.maxPriceCents,
    proposedKind: row.proposedKind,
    reason: reasonOf(row.name, row.proposedKind, row.maxAbsPriceCents),
    kind: row.kind,
    confirmed: row.confirmed === 1,
  }));
}
