/** A criteria tree handed to the builder by another screen (affinities' « a vu X, pas encore Y »). */
import type { Criteria } from '../../../shared/segments-criteria.js';

const KEY = 'parterre.segments.draft';

export function handToBuilder(criteria: Criteria, name: string): void {
  sessionStorage.setItem(KEY, JSON.stringify({ criteria, name }));
}

export function takeDraft(): { criteria: Criteria; name: string } | null {
  const text = sessionStorage.getItem(KEY);
  sessionStorage.removeItem(KEY);
  return text ? (JSON.parse(text) as { criteria: Criteria; name: string }) : null;
}
