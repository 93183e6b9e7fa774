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
