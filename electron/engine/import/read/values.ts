/**
 * Reading the value forms of an export (docs/import-rules.md, « Values »). Each reader takes a
 * trimmed, non-empty cell and returns the value, or null when the cell cannot be read: callers
 * turn null into a rejected line with a French reason. Dates come out as `YYYY-MM-DDTHH:MM:SS`.
 */

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `[hours, minutes, seconds]` of "20:30", "20:30:15", "20h30", "20h", "20:30:15.000"; null if unreadable. */
export function parseTime(text: string): [number, number, number] | null {
  const m = /^(\d{1,2})(?::(\d{2})(?::(\d{2})(?:[.,]\d+)?)?|[hH](\d{2})?)$/.exec(text);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2] ?? m[4] ?? 0);
  const s = Number(m[3] ?? 0);
  if (h > 23 || min > 59 || s > 59) return null;
  return [h, min, s];
}

const DAY_FIRST = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{4}|\d{2})(?:[ T]+(.+))?$/;
const YEAR_FIRST = /^(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?:[ T]+(.+))?$/;

/** The two leading numbers of a `dd/mm/...` date, to tell day-first from month-first files. */
export function leadingDateFields(text: string): [number, number] | null {
  const m = DAY_FIRST.exec(text);
  return m ? [Number(m[1]), Number(m[3])] : null;
}

function build(year: number, month: number, day: number, time: [number, number, number]): string | null {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${pad2(month)}-${pad2(day)}T${pad2(time[0])}:${pad2(time[1])}:${pad2(time[2])}`;
}

/**
 * "14/03/2025", "14/03/25" (25 → 2025, 75 → 1975), "14-03-2025 20:30", "2025-03-14T20:30:00",
 * "2025/03/14 20h30"... Day-first unless `dayFirst` is false (then "03/14/2025").
 */
export function parseDateTime(text: string, dayFirst = true): string | null {
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;
  const iso = YEAR_FIRST.exec(text);
  if (iso) {
    year = Number(iso[1]);
    month = Number(iso[3]);
    day = Number(iso[4]);
    timeText = iso[5];
  } else {
    const m = DAY_FIRST.exec(text);
    if (!m) return null;
    const first = Number(m[1]);
    const second = Number(m[3]);
    day = dayFirst ? first : second;
    month = dayFirst ? second : first;
    year = Number(m[4]);
    if (m[4].length === 2) year += year < 70 ? 2000 : 1900;
    timeText = m[5];
  }
  const time = timeText === undefined ? ([0, 0, 0] as [number, number, number]) : parseTime(timeText);
  if (!time) return null;
  return build(year, month, day, time);
}

/** A date-time whose time is replaced by the one of a separate time column. */
export function withTime(isoDateTime: string, time: [number, number, number]): string {
  return `${isoDateTime.slice(0, 11)}${pad2(time[0])}:${pad2(time[1])}:${pad2(time[2])}`;
}

const SPACES = /[\s\u00a0\u202f]/g;
const CURRENCY = /€|eur$|^eur/i;

/**
 * An amount in integer cents: "12,50", "12.50", "1 234,50 €", "1.234,50", "1,234.50", "1.234",
 * "EUR 12", "-12,50", "12,50-", "(12,50)". When both marks appear the last one is the decimal
 * mark; a lone point followed by exactly three digits (after a non-zero integer part) groups
 * thousands; a lone comma is decimal. Thousands groups must have three digits.
 */
export function parseAmountCents(text: string): number | null {
  let s = text.replace(SPACES, '');
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(CURRENCY, '');
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = negative || s[0] === '-';
    s = s.slice(1);
  } else if (s.endsWith('-')) {
    negative = true;
    s = s.slice(0, -1);
  }
  s = s.replace(CURRENCY, '');
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;

  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let decimalMark = '';
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) decimalMark = s.indexOf(',') === lastComma ? ',' : '';
  else if (lastDot >= 0) {
    const single = s.indexOf('.') === lastDot;
    const threeAfter = s.length - lastDot - 1 === 3;
    const integerPart = s.slice(0, lastDot);
    decimalMark = single && !(threeAfter && integerPart !== '' && Number(integerPart) !== 0) ? '.' : '';
  }
  const cut = decimalMark === '' ? s.length : s.lastIndexOf(decimalMark);
  const integerText = s.slice(0, cut);
  const fraction = s.slice(cut + 1);
  if (decimalMark !== '' && !/^\d+$/.test(fraction)) return null;
  const groups = integerText.split(/[.,]/);
  if (groups.length > 1 && (!/^\d{1,3}$/.test(groups[0]) || groups.slice(1).some((g) => !/^\d{3}$/.test(g)))) return null;
  const digits = groups.join('');
  if (digits === '' && fraction === '') return null;
  const units = digits === '' ? 0 : Number(digits);
  // Cents exactly from the digits; a third decimal rounds half away from zero.
  const cents = fraction === '' ? 0 : Math.round(Number(`0.${fraction}`) * 100 * 1e6) / 1e6;
  const value = units * 100 + Math.round(cents);
  return negative && value !== 0 ? -value : value;
}

/** `nbPlaces`: a whole number, possibly negative on a reversal line ("3", "-1", "+2"). */
export function parseSeats(text: string): number | null {
  return /^[+-]?\d{1,6}$/.test(text) ? Number(text) : null;
}

/** A capacity (jauge): a non-negative whole number, thousands spaces allowed ("1 200"). */
export function parseCapacity(text: string): number | null {
  const s = text.replace(SPACES, '');
  return /^\d{1,7}$/.test(s) ? Number(s) : null;
}

const YES = new Set(['oui', 'o', 'yes', 'y', '1', 'true', 'vrai', 'x']);
const NO = new Set(['non', 'n', 'no', '0', 'false', 'faux']);

/** Consent: true, false, or null when unknown or unreadable (an empty cell means unknown). */
export function parseConsent(text: string): boolean | null {
  const v = text.trim().toLowerCase();
  if (YES.has(v)) return true;
  if (NO.has(v)) return false;
  return null;
}

/** A VAT rate in basis points: "5,5" "5.5 %" "0,055" → 550, "20" → 2000; null if unreadable. */
export function parseVatBp(text: string): number | null {
  const s = text.replace(SPACES, '').replace(/%$/, '').replace(',', '.');
  if (!/^\d+(\.\d+)?$/.test(s)) return null;
  const rate = Number(s);
  const percent = rate > 0 && rate < 1 ? rate * 100 : rate;
  if (percent > 100) return null;
  return Math.round(percent * 100);
}
