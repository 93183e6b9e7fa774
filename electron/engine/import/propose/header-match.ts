/**
 * How close a header is to each field's synonyms (shared/import-fields.ts), on their words
 * (header-tokens.ts): the same words → 1; the same words in another order → 0.95; every word of a
 * synonym among the header's, with more → 0.7 to 0.95. A word that is no synonym's is then
 * corrected to the nearest synonym word by fuse.js (typos: « comande », « Montnat »), and the
 * header matched again at 0.8 of those scores. Each match names the synonym it came closest to.
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

/** Every word of every synonym: what a misspelt header word is corrected to. */
const VOCABULARY = [...new Set(SYNONYMS.flatMap((s) => s.tokens))];
const VOCABULARY_SET = new Set(VOCABULARY);
const fuse = new Fuse(VOCABULARY, { includeScore: true, threshold: 0.4, minMatchCharLength: 4 });
/** A typo costs this much of the score. */
const CORRECTED = 0.8;

/** The word itself when a synonym uses it, else the nearest synonym word (words of 5 letters or more). */
function corrected(token: string): string {
  if (VOCABULARY_SET.has(token) || token.length < 5) return token;
  const [nearest] = fuse.search(token, { limit: 1 });
  return nearest && Math.abs(nearest.item.length - token.length) <= 2 ? nearest.item : token;
}

const byKey = new Map<string, Synonym[]>();
for (const synonym of SYNONYMS) byKey.set(synonym.key, [...(byKey.get(synonym.key) ?? []), synonym]);

/** The field list's order settles a synonym two fields share: the first field keeps it. */
const FIELD_ORDER = new Map(IMPORT_FIELDS.map((f, i) => [f, i]));

/** Every field the header may name, best first, one match per field. */
export function matchHeader(header: string): HeaderMatch[] {
  const tokens = headerTokens(header);
  if (tokens.length === 0) return [];
  const best = new Map<ImportField, HeaderMatch>();
  const offer = (synonym: Synonym, score: number, exact: boolean) => {
    const known = best.get(synonym.field);
    if (!known || score > known.score) best.set(synonym.field, { field: synonym.field, score, synonym: synonym.text, exact });
  };
  scoreTokens(tokens, 1, true, offer);
  const fixed = tokens.map(corrected);
  if (fixed.some((t, i) => t !== tokens[i])) scoreTokens(fixed, CORRECTED, false, offer);
  return [...best.values()].sort((a, b) => b.score - a.score || FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!);
}

function scoreTokens(tokens: string[], weight: number, exactAllowed: boolean, offer: (s: Synonym, score: number, exact: boolean) => void): void {
  const key = tokens.join(' ');
  // Exactly a synonym: the first field listing it gets 1, a later one a little less.
  const exact = [...(byKey.get(key) ?? [])].sort((a, b) => FIELD_ORDER.get(a.field)! - FIELD_ORDER.get(b.field)!);
  exact.forEach((synonym) => offer(synonym, weight * (synonym.field === exact[0].field ? 1 : 0.9), exactAllowed));
  const headerSet = new Set(tokens);
  for (const synonym of SYNONYMS) {
    if (synonym.tokens.length === 0 || synonym.key === key) continue;
    if (!synonym.tokens.every((t) => headerSet.has(t))) continue;
    if (synonym.tokens.length === headerSet.size) offer(synonym, weight * 0.95, false);
    else offer(synonym, weight * (0.7 + (0.25 * synonym.tokens.length) / headerSet.size), false);
  }
}

/** The field a header names without doubt (exactly a synonym, or its words in another order). */
export function fieldOfHeader(header: string): ImportField | undefined {
  const [first] = matchHeader(header);
  return first && first.score >= 0.95 ? first.field : undefined;
}
