/**
 * The user confirms or corrects the kinds of tariffs: each given tariff takes the given kind and
 * is marked confirmed, and every figure follows at once — the materialised season, customer and
 * subscription tables are rebuilt in the same transaction (kpi/aggregates.ts), so no screen ever
 * reads a kind and figures that disagree.
 */
import type Database from 'better-sqlite3';
import type { TariffKindName } from '../../../shared/tariff-types.js';
import { EngineError } from '../errors.js';
import { rebuildAggregates } from '../kpi/aggregates.js';

export interface TariffKindChange {
  id: number;
  kind: TariffKindName;
}

/** Returns how many tariffs changed kind (confirming a kind unchanged counts none). */
export function setTariffKinds(sqlite: Database.Database, changes: TariffKindChange[]): { changed: number } {
  const select = sqlite.prepare('SELECT kind FROM tariffs WHERE id = ?').pluck();
  const update = sqlite.prepare('UPDATE tariffs SET kind = ?, kind_confirmed = 1 WHERE id = ?');
  return sqlite.transaction(() => {
    let changed = 0;
    for (const { id, kind } of changes) {
      const before = select.get(id) as TariffKindName | undefined;
      if (before === undefined) throw new EngineError('NOT_FOUND', `Tarif inconnu (n° ${id}).`);
      update.run(kind, id);
      if (before !== kind) changed++;
    }
    // A confirmation that changes no kind changes no figure: no rebuild to wait for.
    if (changed > 0) rebuildAggregates(sqlite);
    return { changed };
  })();
}
