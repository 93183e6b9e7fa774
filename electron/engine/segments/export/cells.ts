/**
 * Cells a spreadsheet would run as a formula (OWASP « CSV injection »): a cell starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading apostrophe, which Excel and
 * LibreOffice show as text. One exception: a phone number in international form (`+` then 6 to
 * 15 digits and nothing else) is data a mailing tool needs as it is, and no spreadsheet can run
 * it (at worst it reads it as a number).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const INTERNATIONAL_PHONE = /^\+\d{6,15}$/;

/** The first characters FORMULA_START matches, by code: a test per cell without a regular expression. */
const STARTS = new Set([...'=+-@\t\r'].map((c) => c.charCodeAt(0)));

export function escapeFormula(cell: string): string {
  if (cell === '' || !STARTS.has(cell.charCodeAt(0))) return cell;
  if (!FORMULA_START.test(cell) || INTERNATIONAL_PHONE.test(cell)) return cell;
  return `'${cell}`;
}
