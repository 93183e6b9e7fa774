/**
 * Which database the engine has open (the venue's own or the demonstration), shared by every
 * component that shows it: the sidebar's badge and the database settings. Read once at start,
 * and set again by whatever switches or empties the database.
 */
import { useSyncExternalStore } from 'react';
import type { DatabaseInfo } from '../../shared/database-types.js';
import { call } from '../api.js';

let current: DatabaseInfo | null = null;
let requested = false;
const listeners = new Set<() => void>();

export function setOpenDatabase(info: DatabaseInfo): void {
  current = info;
  for (const listener of listeners) listener();
}

/** Asks the engine again (after an import, to refresh the counts). */
export async function refreshOpenDatabase(): Promise<void> {
  const result = await call('database.info', {});
  if (result.ok) setOpenDatabase(result.value);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!requested) {
    requested = true;
    void refreshOpenDatabase();
  }
  return () => listeners.delete(listener);
}

export function useOpenDatabase(): DatabaseInfo | null {
  return useSyncExternalStore(subscribe, () => current);
}
