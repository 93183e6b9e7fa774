/** The customer list: search as one types, sort, one page at a time, with the total. */
import type Database from 'better-sqlite3';
import type { HandlerInput } from '../../../shared/contract.js';
import type { CustomerSummary } from '../../../shared/types.js';
import { CUSTOMER_COLUMNS, toSummaries, type CustomerRow } from './customer-summary.js';
import { searchWords } from './search-text.js';

type ListInput = HandlerInput<'customers.list'>;

/**
 * The natural direction of each sort (ltv and orders highest first, recency most recent first,
 * name A to Z); `reverse` flips it. Customers without purchases come last in the natural order.
 * The id breaks ties so that pages never overlap.
 */
function orderBy(sort: ListInput['sort'], reverse: boolean): string {
  const dir = (natural: 'ASC' | 'DESC') => (reverse ? (natural === 'ASC' ? 'DESC' : 'ASC') : natural);
  switch (sort) {
    case 'ltv':
      return `COALESCE(s.lifetime_value_cents, 0) ${dir('DESC')}, c.id ${dir('ASC')}`;
    case 'orders':
      return `COALESCE(s.orders, 0) ${dir('DESC')}, c.id ${dir('ASC')}`;
    case 'recency':
      return `s.last_purchase IS NULL ${dir('ASC')}, s.last_purchase ${dir('DESC')}, c.id ${dir('ASC')}`;
    case 'name':
      // search_text starts with the folded last and first names: « Émile » sorts with « Emile ».
      return `c.search_text = '' ${dir('ASC')}, c.search_text ${dir('ASC')}, c.id ${dir('ASC')}`;
  }
}

const escapeLike = (word: string) => word.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listCustomers(sqlite: Database.Database, input: ListInput): { total: number; rows: CustomerSummary[] } {
  const words = searchWords(input.search);
  const where = words.length ? `WHERE ${words.map(() => "c.search_text LIKE ? ESCAPE '\\'").join(' AND ')}` : '';
  const params = words.map((word) => `%${escapeLike(word)}%`);
  const { total } = sqlite.prepare(`SELECT COUNT(*) AS total FROM customers c ${where}`).get(...params) as { total: number };
  const rows = sqlite
    .prepare(
      `SELECT ${CUSTOMER_COLUMNS}
       FROM customers c LEFT JOIN customer_stats s ON s.customer_id = c.id
       ${where}
       ORDER BY ${orderBy(input.sort, input.reverse)}
       LIMIT ? OFFSET ?`,
    )
    .all(...params, input.limit, input.offset) as CustomerRow[];
  return { total, rows: toSummaries(sqlite, rows) };
}
