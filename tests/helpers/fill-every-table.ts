/**
 * Puts rows in every table of a database at whatever schema version it is, read from the database
 * itself (tables, columns, foreign keys), so that a test of a migration covers tables added later
 * without being told about them. Parents are filled before the tables that point at them, and
 * every foreign key points at a real row. Virtual tables (full-text search) and their shadow
 * tables are left alone: their rows come from triggers or rebuilds, not from inserts.
 *
 * A column with a CHECK or an enum meaning gets its values from SAMPLE_VALUES: add yours there if
 * your table refuses the generic ones (the error names the table).
 */
import type Database from 'better-sqlite3';

/** Values a column must take (`table.column`, or `*.column` for any table). */
export const SAMPLE_VALUES: Record<string, unknown[]> = {
  'imports.status': ['committed', 'dry-run'],
  'tariffs.kind': ['full', 'reduced', 'subscription', 'free'],
  'tickets.tariff_kind': ['full', 'reduced', 'subscription', 'free'],
  'import_presets.kind': ['tickets', 'customers', 'performances'],
  'imports.files': ['[]'],
  '*.season_year': [2022, 2023, 2024, 2025],
};

interface Column {
  name: string;
  type: string;
  notnull: number;
  dflt_value: string | null;
  pk: number;
  hidden: number;
}

interface ForeignKey {
  table: string;
  from: string;
  to: string | null;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Tables to fill: ordinary tables, no SQLite or drizzle internals, no virtual tables or their shadows. */
export function fillableTables(sqlite: Database.Database): string[] {
  const rows = sqlite
    .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
    .all() as { name: string; sql: string | null }[];
  const virtual = rows.filter((row) => /^\s*CREATE\s+VIRTUAL\s+TABLE/i.test(row.sql ?? '')).map((row) => row.name);
  return rows
    .map((row) => row.name)
    .filter((name) => !virtual.some((v) => name === v || name.startsWith(`${v}_`)))
    .sort();
}

/** Row counts of every table (virtual ones included: they are the ones that must survive too). */
export function countRows(sqlite: Database.Database): Record<string, number> {
  const names = sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations'")
    .pluck()
    .all() as string[];
  return Object.fromEntries(names.sort().map((name) => [name, sqlite.prepare(`SELECT count(*) FROM ${quote(name)}`).pluck().get() as number]));
}

function sample(table: string, column: Column, row: number): unknown {
  const listed = SAMPLE_VALUES[`${table}.${column.name}`] ?? SAMPLE_VALUES[`*.${column.name}`];
  if (listed) return listed[row % listed.length];
  if (column.dflt_value === "'{}'" || column.dflt_value === "'[]'") return column.dflt_value.slice(1, -1);
  const type = column.type.toUpperCase();
  if (type.includes('INT')) return row + 1;
  if (type.includes('REAL') || type.includes('FLOA') || type.includes('DOUB')) return row + 0.5;
  if (type.includes('BLOB')) return Buffer.from([row]);
  if (/_at$/.test(column.name)) return `2024-10-${String(10 + row).padStart(2, '0')}T20:30:00`;
  return `${column.name} ${row + 1}`;
}

/** Fills every fillable table with `rowsPerTable` rows; returns the counts. */
export function fillEveryTable(sqlite: Database.Database, rowsPerTable = 3): Record<string, number> {
  const tables = fillableTables(sqlite);
  const keys = new Map<string, ForeignKey[]>(
    tables.map((table) => [table, sqlite.prepare(`SELECT "table", "from", "to" FROM pragma_foreign_key_list(?)`).all(table) as ForeignKey[]]),
  );
  const inserted = new Map<string, Record<string, unknown>[]>();
  const pending = new Set(tables);
  while (pending.size) {
    // A table whose parents are all filled (a table pointing at itself waits for nothing).
    const next = [...pending].find((table) => keys.get(table)!.every((key) => key.table === table || !pending.has(key.table) || !tables.includes(key.table)));
    if (!next) throw new Error(`fillEveryTable: foreign keys form a cycle among ${[...pending].join(', ')}`);
    pending.delete(next);
    const columns = (sqlite.prepare('SELECT * FROM pragma_table_xinfo(?)').all(next) as Column[]).filter((c) => c.hidden === 0);
    const rows: Record<string, unknown>[] = [];
    for (let row = 0; row < rowsPerTable; row++) {
      const values: Record<string, unknown> = {};
      for (const column of columns) {
        const key: ForeignKey | undefined = keys.get(next)!.find((k) => k.from === column.name);
        if (key && key.table !== next) {
          const parents = inserted.get(key.table) ?? [];
          const parentPk = (sqlite.prepare('SELECT name FROM pragma_table_info(?) WHERE pk > 0').pluck().get(key.table) as string) ?? 'rowid';
          values[column.name] = parents.length ? parents[row % parents.length][key.to ?? parentPk] : null;
        } else if (key) {
          values[column.name] = null; // points at its own table: left empty
        } else {
          values[column.name] = sample(next, column, row);
        }
      }
      const names = Object.keys(values);
      try {
        sqlite
          .prepare(`INSERT INTO ${quote(next)} (${names.map(quote).join(', ')}) VALUES (${names.map(() => '?').join(', ')})`)
          .run(...names.map((name) => values[name] as never));
      } catch (error) {
        throw new Error(
          `fillEveryTable: ${next} refused a generic row (${(error as Error).message}); add its values to SAMPLE_VALUES in tests/helpers/fill-every-table.ts`,
          { cause: error },
        );
      }
      rows.push(values);
    }
    inserted.set(next, rows);
  }
  return countRows(sqlite);
}
