/**
 * A per-connection counter bumped each time the materialised indicator tables are rebuilt, so
 * that values derived from them (quartiles, the newest order date) can be cached in memory and
 * dropped as soon as an import, a settings change or a rollback may have changed the data.
 */
import type Database from 'better-sqlite3';

const versions = new WeakMap<Database.Database, number>();
const caches = new WeakMap<Database.Database, Map<string, { version: number; value: unknown }>>();

export function dataVersion(sqlite: Database.Database): number {
  return versions.get(sqlite) ?? 0;
}

export function bumpDataVersion(sqlite: Database.Database): void {
  versions.set(sqlite, dataVersion(sqlite) + 1);
}

/** `compute()` once per data version of this connection. */
export function cachedPerVersion<T>(sqlite: Database.Database, key: string, compute: () => T): T {
  let cache = caches.get(sqlite);
  if (!cache) caches.set(sqlite, (cache = new Map()));
  const version = dataVersion(sqlite);
  const hit = cache.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  cache.set(key, { version, value });
  return value;
}
