/**
 * The one definition of a customer's search text (`customers.search_text`) and of a typed search
 * query: lower-case, accent-free, so that « Hélène » is found by typing « helene ».
 */

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

/**
 * Per Latin-1 character: its folded text, or null for a space (\s). No Latin-1 character
 * combines with its neighbours under these steps, so a text of them folds character by character.
 */
const LATIN1: (string | null)[] = Array.from({ length: 256 }, (_, code) => {
  const char = String.fromCharCode(code);
  return /\s/.test(char) ? null : foldCharacters(char);
});

/**
 * foldForSearchByDefinition, character by character through a table when the text is Latin-1
 * (every text of a Windows-1252 export but for a few characters such as œ, € or ’): a million-line
 * import folds 110,000 customers, which the chain of Unicode normalisation and regular
 * expressions took ~0.5 s to do. tests/unit/kpi/search-text.test.ts checks both give the same.
 */
export function foldForSearch(text: string): string {
  let folded = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) return foldForSearchByDefinition(text);
    const char = LATIN1[code];
    if (char === null) space = folded !== '';
    else {
      if (space) folded += ' ';
      folded += char;
      space = false;
    }
  }
  return folded;
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
