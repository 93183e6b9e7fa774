/**
 * New rows of one table inserted ROWS_PER_INSERT at a time, by one statement: a statement run
 * once for many rows saves SQLite's and better-sqlite3's cost per run (~0.35 µs a row). A row's
 * id is known when it is added — the next rowid, as nothing else inserts into the table meanwhile
 * — and checked when its statement runs. The rows waiting must be written (`flush`) before
 * anything reads them, and at the end.
 */
import type Database from 'better-sqlite3';
import type { Value } from './stores.js';

/** Past ~30 rows, longer statements gain nothing. */
const ROWS_PER_INSERT = 32;

export class BatchedInserts {
  private readonly width: number;
  private readonly one: Database.Statement;
  private readonly many: Database.Statement;
  /** The values of the rows waiting, row after row: `filled` of ROWS_PER_INSERT × width. */
  private readonly pending: Value[];
  private filled = 0;
  private next: number;

  /** `what`: the rows' name in an error message (« Billets »). */
  constructor(
    sqlite: Database.Database,
    table: string,
    columns: readonly string[],
    private readonly what: string,
  ) {
    this.width = columns.length;
    this.pending = new Array<Value>(ROWS_PER_INSERT * this.width).fill(null);
    const row = `(${columns.map(() => '?').join(', ')})`;
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${row}`;
    this.one = sqlite.prepare(sql);
    this.many = sqlite.prepare(`${sql}${`, ${row}`.repeat(ROWS_PER_INSERT - 1)}`);
    this.next = ((sqlite.prepare(`SELECT max(rowid) FROM ${table}`).pluck().get() as number | null) ?? 0) + 1;
  }

  /** Adds a row (its values in the columns' order, copied); returns the id it will have. */
  add(row: readonly Value[]): number {
    const id = this.next++;
    const { pending, width } = this;
    let at = this.filled;
    for (let i = 0; i < width; i++) pending[at++] = row[i];
    this.filled = at;
    if (at === pending.length) this.flush();
    return id;
  }

  /** Whether row `id` still waits for its INSERT. */
  isPending(id: number): boolean {
    return id >= this.next - this.filled / this.width;
  }

  /** Inserts the rows waiting; each must get the id it was given. */
  flush(): void {
    const { pending, width, filled } = this;
    if (filled === 0) return;
    let last: number;
    if (filled === pending.length) last = Number(this.many.run(pending).lastInsertRowid);
    else {
      last = 0;
      for (let at = 0; at < filled; at += width) last = Number(this.one.run(pending.slice(at, at + width)).lastInsertRowid);
    }
    if (last !== this.next - 1) throw new Error(`${this.what} : identifiant ${last} écrit, ${this.next - 1} attendu.`);
    this.filled = 0;
  }
}
