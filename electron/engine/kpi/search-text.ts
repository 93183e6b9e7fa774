/**
 * The one definition of a customer's search text (`customers.search_text`) and of a typed search
 * query: lower-case, accent-free, so that « Hélène » is found by typing « helene ».
 */

/** Lower-case, accents removed (é → e, œ → oe), typographic apostrophes straightened, spaces collapsed. */
export function foldForSearch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[’‘`´]/g, "'")
    .replace(/\s+/g, ' ')
    .trim();
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
