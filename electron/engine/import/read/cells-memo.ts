/**
 * Values remembered per group of a line's cells (LineFields.groupKey: a customer's, a
 * performance's), looked up by the group's number cell when the file has one (a short text, quick
 * to hash), then the whole cells compared: keyed by the whole cells, a lookup hashed a hundred
 * characters or so, at nearly every line. Without a number, by the whole cells (any other single
 * cell, a city, a hall, may be shared by thousands of rows). Keys and cells are kept detached from
 * the file's chunks. Past `limit` entries, the memo starts again.
 */
import { detach } from './text.js';

interface Entry<V> {
  cells: string;
  value: V;
}

export class CellsMemo<V> {
  private readonly buckets = new Map<string, Entry<V>[]>();
  private count = 0;

  constructor(private readonly limit: number) {}

  get size(): number {
    return this.count;
  }

  /**
   * What to look `cells` up by: `number`, the cell of the group's number, unless the file has no
   * such column or the cell is blank (customers without a number would all share one bucket).
   */
  static lookupOf(number: string | undefined, cells: string): string {
    return number === undefined || number.trim() === '' ? cells : number;
  }

  /** `lookup`: see lookupOf. */
  get(lookup: string, cells: string): V | undefined {
    const bucket = this.buckets.get(lookup);
    if (bucket === undefined) return undefined;
    for (let i = 0; i < bucket.length; i++) if (bucket[i].cells === cells) return bucket[i].value;
    return undefined;
  }

  /** Remembers a value for cells `get` did not find; returns false when the memo had to start again first. */
  add(lookup: string, cells: string, value: V): boolean {
    const kept = this.count < this.limit;
    if (!kept) this.clear();
    const entry = { cells: detach(cells), value };
    const bucket = this.buckets.get(lookup);
    if (bucket) bucket.push(entry);
    else this.buckets.set(lookup === cells ? entry.cells : detach(lookup), [entry]);
    this.count++;
    return kept;
  }

  clear(): void {
    this.buckets.clear();
    this.count = 0;
  }
}
