/**
 * Folding a text character by character through a table of the 256 Latin-1 characters: for the
 * folds (search text, identity keys) whose steps never join a Latin-1 character to its neighbours
 * — none is a combining mark, and each lower-cases alone. Nearly every text of a Windows-1252
 * export is Latin-1, and a million-line import folds hundreds of thousands of them, which the
 * chain of Unicode normalisation and regular expressions of a definition did slowly. A text with
 * a character past Latin-1 goes through the definition itself; tests compare both.
 */

/** Per Latin-1 character: its folded text, or null where it separates words. */
export type Latin1Table = readonly (string | null)[];

export function latin1Table(fold: (char: string) => string | null): Latin1Table {
  return Array.from({ length: 256 }, (_, code) => fold(String.fromCharCode(code)));
}

/**
 * The characters' folds, words separated by one space and none at either end; `definition(text)`
 * for a text with a character past Latin-1.
 */
export function foldThroughTable(text: string, table: Latin1Table, definition: (text: string) => string): string {
  let folded = '';
  let space = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code > 255) return definition(text);
    const char = table[code];
    if (char === null) space = folded !== '';
    else {
      if (space) folded += ' ';
      folded += char;
      space = false;
    }
  }
  return folded;
}
