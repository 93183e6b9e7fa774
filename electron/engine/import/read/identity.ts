/**
 * The keys that make a re-import update instead of duplicate (docs/import-rules.md,
 * « Identity »). Every key is the source's own number when it has one; otherwise a key built
 * from folded values, prefixed so that it cannot collide with a source number.
 */
import { createHash } from 'node:crypto';
import { detach, foldText } from './text.js';

/** Names that box-office systems give to counter sales with no real customer. */
const ANONYMOUS_NAMES = new Set([
  'anonyme',
  'anonymous',
  'client anonyme',
  'client de passage',
  'clients de passage',
  'passage',
  'vente guichet',
  'guichet',
  'client guichet',
  'vente au guichet',
  'inconnu',
  'client inconnu',
  'x',
  'xx',
  'xxx',
]);

/**
 * Not memoised: nearly every customer has a name of their own, and foldText (a table for Latin-1
 * text) costs less than a memo's key, lookup and copy did.
 */
export function isAnonymousName(lastName: string, firstName: string): boolean {
  const last = foldText(lastName);
  if (last === '' && firstName.trim() === '') return false;
  return ANONYMOUS_NAMES.has(last) || ANONYMOUS_NAMES.has(foldText(`${lastName} ${firstName}`));
}

export interface CustomerIdentity {
  customerId: string;
  email: string;
  lastName: string;
  firstName: string;
  postalCode: string;
}

/**
 * The customer number; else `email:<e-mail>`; else `name:<last>|<first>|<postal code>` (a last
 * name and at least a first name or a postal code, so that every « Martin » is not one person);
 * null for an anonymous counter sale.
 */
export function customerKey(c: CustomerIdentity): string | null {
  if (isAnonymousName(c.lastName, c.firstName)) return null;
  if (c.customerId !== '') return c.customerId;
  const email = c.email.trim().toLowerCase();
  if (email !== '') return `email:${email}`;
  const last = foldText(c.lastName);
  const first = foldText(c.firstName);
  const postal = foldText(c.postalCode).replace(/ /g, '');
  if (last !== '' && (first !== '' || postal !== '')) return `name:${last}|${first}|${postal}`;
  return null;
}

const titleKeys = new Map<string, string>();

/** The show number; else `title:<folded title>` (memoised: a file repeats a few titles). */
export function showKey(showId: string, title: string): string {
  if (showId !== '') return showId;
  let key = titleKeys.get(title);
  if (key === undefined) {
    key = `title:${foldText(title)}`;
    if (titleKeys.size >= 10_000) titleKeys.clear();
    titleKeys.set(detach(title), key);
  }
  return key;
}

/** The performance number; else `<show key>|<start>|<folded hall>`. */
export function performanceKey(performanceId: string, show: string, startsAt: string, hall: string): string {
  return performanceId !== '' ? performanceId : `${show}|${startsAt}|${foldText(hall)}`;
}

/** The order number; else `<customer key>|<order date>`; else the ticket's key. */
export function orderKey(orderId: string, customer: string | null, orderedAt: string | null, ticket: string): string {
  if (orderId !== '') return orderId;
  if (customer !== null && orderedAt !== null) return `${customer}|${orderedAt}`;
  return ticket;
}

/** A short, stable hash of a line's cells, for lines without a ticket number. */
export function cellsHash(cells: readonly string[]): string {
  return createHash('sha1').update(cells.join('\u0001')).digest('base64url').slice(0, 16);
}

/** The ticket number, else `line:<hash>#<n>`; a reversal line gets `:A` appended. */
export function ticketKey(ticketId: string, lineHashWithRank: string | null, isReversal: boolean): string {
  const base = ticketId !== '' ? ticketId : `line:${lineHashWithRank}`;
  return isReversal ? `${base}:A` : base;
}
