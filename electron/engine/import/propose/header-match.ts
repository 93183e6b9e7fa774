/**
 * How close a header is to each field's synonyms (shared/import-fields.ts), on their words
 * (header-tokens.ts): the same words → 1; the same words in another order → 0.95; every word of a
 * synonym among the header's, with more → 0.7 to 0.95; else the fuzzy score of fuse.js (typos,
 * glued or missing letters), at most 0.8. Each match names the synonym it came closest to.
 */
import Fuse from 'fuse.js';
import { FIELD_SYNONYMS, IMPORT_FIELDS, type ImportField } from '../../../../shared/import-fields.js';
import { headerKey, headerTokens } from './header-tokens.js';

export interface HeaderMatch {
  field: ImportField;
  /** 0 to 1. */
  score: number;
  /** The synonym it matched, as written in the list. */
  synonym: string;
  exact: boolean;
}

interface Synonym {
  field: ImportField;
  text: string;
  key: string;
  tokens: string[];
}

const SYNONYMS: readonly Synonym[] = IMPORT_FIELDS.flatMap((field) =>
  FIELD_SYNONYMS[field].map((text) => ({ field, text, key: headerKey(text), tokens: headerTokens(text) })),
);

const fuse = new Fuse(SYNONYMS, { keys: ['key'], includeScore: true, threshold: 0.3, ignoreLocation: true, minMatchCharLength: 3 });

const byKey = new Map<string, Synonym[]>();
for (const synonym of SYNONYMS) byKey.set(synonym.key, [...(byKey.get(synonym.key) ?? []), synonym]);

/** The field list's order settles a synonym two fields share: the first field keeps it. */
const FIELD_ORDER = new Map(IMPORT_FIELDS.map((f, i) => [f, i]));

/** Every field the header may name, best first, one match per field. */
export function matchHeader(header: string): HeaderMatch[] {
  const tokens = headerTokens(header);
  const key = tokens.join(' ');
  if (key === '') return [];
  const best = new Map<ImportField, HeaderMatch>();
  const offer = (synonym: Synonym, score: number, exact: boolean) => {
    const known = best.get(synonym.field);
    if (!known || score > known.score) best.set(synonym.field, { field: synonym.field, score, synonym: synonym.text, exact });
  };
  // Exactly a synonym: the first field listing it gets 1, a later one a little less.
  const exact = [...(byKey.get(key) ?? [])].sort((a, b) => FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!);
  exact.forEach((synonym, i) => offer(synonym, i === 0 || synonym.field === exact[0].field ? 1 : 0.9, true));

  const headerSet = new Set(tokens);
  for (const synonym of SYNONYMS) {
    if (synonym.tokens.length === 0 || synonym.key === key) continue;
    if (!synonym.tokens.every((t) => headerSet.has(t))) continue;
    if (synonym.tokens.length === headerSet.size) offer(synonym, 0.95, false);
    else offer(synonym, 0.7 + (0.25 * synonym.tokens.length) / headerSet.size, false);
  }
  // Fuzzy matching on very short words finds anything (« cree » ≈ « street »).
  if (key.length >= 5) {
    for (const result of fuse.search(key, { limit: 8 })) {
      const synonym = result.item;
      // fuse finds a short header inside a long synonym too: only near-equal lengths count.
      if (Math.abs(synonym.key.length - key.length) > Math.max(2, key.length / 4)) continue;
      offer(synonym, 0.8 * (1 - (result.score ?? 1)), false);
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!);
}

/** The field a header names without doubt (exactly a synonym, or its words in another order). */
export function fieldOfHeader(header: string): ImportField | undefined {
  const [first] = matchHeader(header);
  return first && first.score >= 0.95 ? first.field : undefined;
}
