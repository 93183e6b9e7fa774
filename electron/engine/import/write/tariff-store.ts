/**
 * The tariffs an import's tickets are sold at (db/schema.ts `tariffs`): a name and a kind, one
 * row per pair, created the first time a line names it. An export holds a dozen of them, all kept
 * in memory, loaded once.
 */
import type Database from 'better-sqlite3';
import type { TariffKind } from '../propose/tariff-kind.js';

export class TariffStore {
  private readonly ids = new Map<string, number>();
  private readonly names: string[] = [];
  private readonly kinds: TariffKind[] = [];
  private readonly insert: Database.Statement;

  constructor(sqlite: Database.Database) {
    this.insert = sqlite.prepare('INSERT INTO tariffs (name, kind) VALUES (?, ?)');
    for (const [id, name, kind] of sqlite.prepare('SELECT id, name, kind FROM tariffs').raw().iterate() as Iterable<[number, string, TariffKind]>) {
      this.remember(id, name, kind);
    }
  }

  /** The id of the tariff `name` ('' for none) of `kind`, created if new. */
  idOf(name: string, kind: TariffKind): number {
    const id = this.ids.get(`${kind}\u0001${name}`);
    if (id !== undefined) return id;
    const created = Number(this.insert.run(name, kind).lastInsertRowid);
    this.remember(created, name, kind);
    return created;
  }

  nameOf(id: number): string {
    return this.names[id];
  }

  kindOf(id: number): TariffKind {
    return this.kinds[id];
  }

  private remember(id: number, name: string, kind: TariffKind): void {
    this.ids.set(`${kind}\u0001${name}`, id);
    this.names[id] = name;
    this.kinds[id] = kind;
  }
}
