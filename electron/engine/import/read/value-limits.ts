/**
 * The ranges a value read from an export must fall in (docs/import-rules.md, « Values »). A value
 * outside is no box-office figure but a damaged cell (a 20-digit amount, a year 0000): its line
 * is rejected with its column, instead of reaching the database (where an amount past 2^53 cents
 * is no integer any more, and a STRICT column refuses it, aborting the whole import).
 */

/** A unit price: at most 9 999 999,99 € either way (the seven digits LineFields reads without the parser). */
export const MAX_ABS_CENTS = 999_999_999;
/** Seats on one line (nbPlaces), either way. */
export const MAX_ABS_SEATS = 9_999;
/** A performance's capacity (the largest stadiums hold about 100,000). */
export const MAX_CAPACITY = 200_000;
/** Years of a date: the `dd/mm/yy` rule reads 1970–2069; a ticketing export holds nothing earlier or later. */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2099;

export const centsInRange = (cents: number): boolean => Math.abs(cents) <= MAX_ABS_CENTS;
export const seatsInRange = (seats: number): boolean => Math.abs(seats) <= MAX_ABS_SEATS;
export const capacityInRange = (capacity: number): boolean => capacity <= MAX_CAPACITY;

/** `iso`: a date as parseDateTime gives it, `YYYY-MM-DDTHH:MM:SS`. */
export function yearInRange(iso: string): boolean {
  // Read from its four digits without a slice: every order's date goes through here.
  const year = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100 + (iso.charCodeAt(2) - 48) * 10 + (iso.charCodeAt(3) - 48);
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

const euros = (cents: number) => (cents / 100).toLocaleString('fr-FR', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** The French words of each limit, for the reject's reason. */
export const LIMIT_TEXT = {
  cents: `au plus ${euros(MAX_ABS_CENTS)} € en valeur absolue`,
  seats: `au plus ${MAX_ABS_SEATS.toLocaleString('fr-FR')} places par ligne`,
  capacity: `au plus ${MAX_CAPACITY.toLocaleString('fr-FR')} places`,
  year: `une année de ${MIN_YEAR} à ${MAX_YEAR}`,
};
