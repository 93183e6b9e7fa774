/**
 * Streams the rows of a query to a callback through an SQL function. For rows of numbers this is
 * about five times faster than better-sqlite3's `iterate()` (no row array, no iterator step
 * crossing into C++ per row): what lets the indicator rebuild read a million tickets in
 * JavaScript in a few hundred milliseconds.
 */
import type Database from 'better-sqlite3';

type Sink = (...values: never[]) => void;

const sinks = new WeakMap<Database.Database, { current: Sink | null }>();

function sinkOf(sqlite: Database.Database): { current: Sink | null } {
  let state = sinks.get(sqlite);
  if (!state) {
    const s: { current: Sink | null } = { current: null };
    // Not deterministic: SQLite must call it once per row, never factor a call out.
    sqlite.function('parterre_each_row', { varargs: true, deterministic: false }, (...values: unknown[]) => {
      (s.current as (...v: unknown[]) => void)(...values);
      return null;
    });
    sinks.set(sqlite, (state = s));
  }
  return state;
}

/**
 * Calls `onRow` with the values of `columns` (SQL expressions) for each row of `from` (a table
 * and its WHERE clause), in the order SQLite reads them; returns the number of rows. Not
 * re-entrant: `onRow` must not call forEachRow on the same connection.
 */
export function forEachRow<Row extends unknown[]>(
  sqlite: Database.Database,
  columns: string[],
  from: string,
  onRow: (...row: Row) => void,
  ...params: unknown[]
): number {
  const sink = sinkOf(sqlite);
  if (sink.current) throw new Error('forEachRow: already streaming on this connection');
  sink.current = onRow as unknown as Sink;
  try {
    return sqlite.prepare(`SELECT count(parterre_each_row(${columns.join(', ')})) FROM ${from}`).pluck().get(...params) as number;
  } finally {
    sink.current = null;
  }
}
