/**
 * Text folding used by identity keys and keyword matching: accents, case, punctuation and extra
 * spaces removed, so that « Dupont-Lefèvre » and « DUPONT LEFEVRE » give the same key.
 */
import { foldThroughTable, latin1Table } from '../../latin1-fold.js';

/** The definition of foldText. */
export function foldTextByDefinition(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Per Latin-1 character: its folded letters and digits, or null where it separates words. */
const LATIN1 = latin1Table((char) => foldTextByDefinition(char) || null);

/**
 * « Élodie  d'Arc » → "elodie d arc": foldTextByDefinition, through the Latin-1 table
 * (latin1-fold.ts) for the customers' names of a large import.
 */
export function foldText(text: string): string {
  return foldThroughTable(text, LATIN1, foldTextByDefinition);
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

