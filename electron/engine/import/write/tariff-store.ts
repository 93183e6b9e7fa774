/**
 * The tariffs an import's tickets are sold at (db/schema.ts `tariffs`), found by their name and
 * the kind the import proposes for them: one row per pair, created the first time a line names
 * it with the proposed kind as its kind. A row the user corrected keeps the user's kind: the
 * import never writes `kind` of a row that exists. An export holds a dozen tariffs, all kept in
 * memory, loaded once.
 */
import type Database from 'better-sqlite3';
import type { TariffKind } from '../propose/tariff-kind.js';

export class TariffStore {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly proposedKinds: TariffKind[] = [];
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare('INSERT INTO tariffs (name, kind, proposed_kind) VALUES (?, ?, ?)');
    const rows = sqlite.prepare('SELECT id, name, coalesce(proposed_kind, kind) FROM tariffs').raw().iterate() as Iterable<[number, string, TariffKind]>;
    for (const [id, name, proposed] of rows) this.remember(id, name, proposed);
  }

  /** The id of the tariff `name` ('' for none) proposed as `proposed`, created if new. */
  idOf(name: string, proposed: TariffKind): number {
    const id = this.ids.get(`${proposed}\u0001${name}`);
    if (id !== undefined) return id;
    const created = Number(this.insert.run(name, proposed, proposed).lastInsertRowid);
    this.remember(created, name, proposed);
    return created;
  }

  nameOf(id: number): string {
    return this.names[id];
  }

  /** The kind the import proposed for the tariff (its key), not the user's. */
  proposedKindOf(id: number): TariffKind {
    return this.proposedKinds[id];
  }

  private remember(id: number, name: string, proposed: TariffKind): void {
    this.ids.set(`${proposed}\u0001${name}`, id);
    this.names[id] = name;
    this.proposedKinds[id] = proposed;
  }
}
