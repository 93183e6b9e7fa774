/**
 * What the customer list keeps in memory (customer-list.ts): each customer's searchable text,
 * and its ids in each sort's natural order, computed on first use. Kept per state of the data:
 * the indicator rebuild's version (data-version.ts), this connection's own writes
 * (`total_changes()`) and other connections' commits (`PRAGMA data_version`), so a list never
 * shows a customer as it was.
 */
import type Database from 'better-sqlite3';
import { dataVersion } from './data-version.js';
import { customerListText } from './search-text.js';

export type ListSort = 'ltv' | 'orders' | 'recency' | 'name';

export interface CustomerListIndex {
  maxId: number;
  /** By customer id: the text a search looks in ('' for no such id). */
  texts: string[];
  /** By customer id: 1 when its text holds every word. */
  matching(words: string[]): Uint8Array;
  /** Ids in the sort's natural order (ltv and orders highest first, recency newest first, name A to Z); ties by id. */
  order(sort: ListSort): Int32Array;
}

const cache = new WeakMap<Database.Database, { stamp: string; index: CustomerListIndex }>();

function stampOf(sqlite: Database.Database): string {
  const changes = sqlite.prepare('SELECT total_changes()').pluck().get() as number;
  const version = sqlite.pragma('data_version', { simple: true }) as number;
  return `${dataVersion(sqlite)}:${changes}:${version}`;
}

function build(sqlite: Database.Database): CustomerListIndex {
  const rows = sqlite
    .prepare(
      `SELECT c.id, c.search_text, c.source_key, COALESCE(s.lifetime_value_cents, 0), COALESCE(s.orders, 0), s.last_purchase
       FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id ORDER BY c.id`,
    )
    .raw()
    .all() as [number, string, string, number, number, string | null][];
  const maxId = rows.length ? rows[rows.length - 1][0] : 0;
  const texts = new Array<string>(maxId + 1).fill('');
  const searchText = new Array<string>(maxId + 1).fill('');
  const ltv = new Float64Array(maxId + 1);
  const orders = new Float64Array(maxId + 1);
  const last = new Array<string | null>(maxId + 1).fill(null);
  const ids = new Int32Array(rows.length);
  rows.forEach(([id, text, key, value, count, lastPurchase], i) => {
    ids[i] = id;
    texts[id] = customerListText(text, key);
    searchText[id] = text;
    ltv[id] = value;
    orders[id] = count;
    last[id] = lastPurchase;
  });
  // The same orders as the SQL the list used: COALESCE(x, 0) DESC, id; NULL dates and empty names last.
  const comparators: Record<ListSort, (a: number, b: number) => number> = {
    ltv: (a, b) => ltv[b] - ltv[a] || a - b,
    orders: (a, b) => orders[b] - orders[a] || a - b,
    recency: (a, b) => {
      const x = last[a];
      const y = last[b];
      if (x === null || y === null) return (x === null ? 1 : 0) - (y === null ? 1 : 0) || a - b;
      return x < y ? 1 : x > y ? -1 : a - b;
    },
    name: (a, b) => {
      const x = searchText[a];
      const y = searchText[b];
      if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0) || a - b;
      return x < y ? -1 : x > y ? 1 : a - b;
    },
  };
  // Every text in one string, one per line: a search is a few indexOf over it (ten times faster
  // than an includes per customer), each hit mapped back to its customer by the line it is on.
  const starts = new Int32Array(rows.length);
  let offset = 0;
  rows.forEach(([id], i) => {
    starts[i] = offset;
    offset += texts[id].length + 1;
  });
  const joined = rows.map(([id]) => texts[id]).join('\n');
  const lineOf = (at: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= at) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const matching = (words: string[]) => {
    const hits = new Uint8Array(maxId + 1);
    const seen = new Int32Array(maxId + 1).fill(-1);
    words.forEach((word, w) => {
      for (let at = joined.indexOf(word); at >= 0; at = joined.indexOf(word, at + 1)) {
        const line = lineOf(at);
        const id = ids[line];
        // A word counts once per customer, and only if the words before it matched too.
        if (seen[id] !== w && hits[id] === w) {
          seen[id] = w;
          hits[id] = w + 1;
        }
        at = Math.max(at, starts[line] + texts[id].length);
      }
    });
    for (let id = 0; id <= maxId; id++) hits[id] = hits[id] === words.length ? 1 : 0;
    return hits;
  };
  const orders_ = new Map<ListSort, Int32Array>();
  return {
    maxId,
    texts,
    matching,
    order(sort) {
      let order = orders_.get(sort);
      if (!order) orders_.set(sort, (order = ids.slice().sort(comparators[sort])));
      return order;
    },
  };
}

export function customerListIndex(sqlite: Database.Database): CustomerListIndex {
  const stamp = stampOf(sqlite);
  const hit = cache.get(sqlite);
  if (hit && hit.stamp === stamp) return hit.index;
  const index = build(sqlite);
  cache.set(sqlite, { stamp, index });
  return index;
}
