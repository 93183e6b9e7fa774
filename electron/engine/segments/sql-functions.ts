/** Our TypeScript definitions as SQL functions, so a criterion uses the app's one definition. */
import type Database from 'better-sqlite3';
import { departementOfPostalCode } from '../reports/geography.js';
import { foldForSearch } from '../kpi/search-text.js';

const registered = new WeakSet<Database.Database>();

export function registerSegmentFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('parterre_departement', { deterministic: true }, (postalCode: unknown) =>
    departementOfPostalCode(typeof postalCode === 'string' ? postalCode : null),
  );
  sqlite.function('parterre_fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? foldForSearch(text) : null));
  registered.add(sqlite);
}
