/**
 * Text folding used by identity keys and keyword matching: accents, case, punctuation and extra
 * spaces removed, so that « Dupont-Lefèvre » and « DUPONT LEFEVRE » give the same key.
 */

/** « Élodie  d'Arc » → "elodie d arc". */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** The words of a folded text, for keyword rules (« Tarif réduit » → ["tarif", "reduit"]). */
export function foldedWords(text: string): string[] {
  const folded = foldText(text);
  return folded === '' ? [] : folded.split(' ');
}

/**
 * A copy of a string that does not share memory with the 1 MB chunk it was sliced from: V8 keeps
 * a whole chunk alive for any slice of it stored in a long-lived map.
 */
export function detach<T>(value: T): T {
  return typeof value === 'string' && value.length >= 13 ? ((`${value} `.slice(0, -1)) as T) : value;
}

