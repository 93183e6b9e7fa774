/**
 * A CSV that a French spreadsheet opens cleanly: `;`-separated, CRLF, UTF-8 with a BOM (so Excel
 * reads the accents), and cells starting with = + - @ tab or CR escaped (papaparse's
 * `escapeFormulae`), so that a hostile value from an export cannot run as a formula.
 */
import Papa from 'papaparse';

export function excelCsv(fields: readonly string[], rows: readonly (readonly string[])[]): string {
  const body = Papa.unparse({ fields: [...fields], data: rows.map((row) => [...row]) }, {
    delimiter: ';',
    newline: '\r\n',
    escapeFormulae: true,
  });
  return `\ufeff${body}\r\n`;
}

/** 1234.5 → `1234,50`: two decimals, a decimal comma and no thousands separator (a spreadsheet reads it as a number). */
export function decimalComma(value: number | null, decimals = 2): string {
  return value === null ? '' : value.toFixed(decimals).replace('.', ',');
}

/** `2025-03-14T20:30:00` → `14/03/2025 20:30` (a date alone stays a date). */
export function frenchDateTime(iso: string | null): string {
  if (!iso) return '';
  const [date, time] = iso.split('T');
  const [y, m, d] = date.split('-');
  return time ? `${d}/${m}/${y} ${time.slice(0, 5)}` : `${d}/${m}/${y}`;
}
