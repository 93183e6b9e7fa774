/**
 * The one definition of a customer's search text (`customers.search_text`) and of a typed search
 * query: lower-case, accent-free, so that « Hélène » is found by typing « helene ».
 */
import { foldThroughTable, latin1Table } from '../latin1-fold.js';

/** What folding does to characters, one at a time: every step but the spaces'. */
function foldCharacters(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'");
}

/** The definition: lower-case, accents removed (é → e, œ → oe), apostrophes straightened, spaces collapsed. */
export function foldForSearchByDefinition(text: string): string {
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

/** Per Latin-1 character: its folded text, or null for a space (\s). */
const LATIN1 = latin1Table((char) => (/\s/.test(char) ? null : foldCharacters(char)));

/**
 * foldForSearchByDefinition, through the Latin-1 table (latin1-fold.ts): a million-line import
 * folds 110,000 customers, which the definition took ~0.5 s to do.
 */
export function foldForSearch(text: string): string {
  return foldThroughTable(text, LATIN1, foldForSearchByDefinition);
}

export interface SearchableCustomer {
  lastName: string | null;
  firstName: string | null;
  email: string | null;
  postalCode: string | null;
  city: string | null;
}

/** "last first email postal city", folded: name first so that sorting on it sorts by name. */
export function customerSearchText(c: SearchableCustomer): string {
  return foldForSearch([c.lastName, c.firstName, c.email, c.postalCode, c.city].filter((part) => part).join(' '));
}

/** The words of a typed query, folded; every word must appear in the search text. */
export function searchWords(query: string | undefined): string[] {
  if (!query) return [];
  return foldForSearch(query).split(' ').filter(Boolean);
}

/** What the customer list searches: the search text, then the customer number, folded. */
export function customerListText(searchText: string, customerKey: string): string {
  return `${searchText} ${foldForSearch(customerKey)}`;
}
