/**
 * Our TypeScript definitions registered as SQL functions, so that bulk UPDATEs use the very same
 * code as the rest of the app (one definition of a season, one of a search text).
 */
import type Database from 'better-sqlite3';
import { seasonYearOf } from '../../../shared/season.js';
import { customerSearchText } from './search-text.js';

const registered = new WeakSet<Database.Database>();

export function registerKpiFunctions(sqlite: Database.Database): void {
  if (registered.has(sqlite)) return;
  sqlite.function('parterre_season_year', { deterministic: true }, (startsAt: unknown, startMonth: unknown) =>
    seasonYearOf(String(startsAt), Number(startMonth)),
  );
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  sqlite.function(
    'parterre_search_text',
    { deterministic: true },
    (lastName: unknown, firstName: unknown, email: unknown, postalCode: unknown, city: unknown) =>
      customerSearchText({
        lastName: text(lastName),
        firstName: text(firstName),
        email: text(email),
        postalCode: text(postalCode),
        city: text(city),
      }),
  );
  registered.add(sqlite);
}
