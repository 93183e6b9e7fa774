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

/**
 * `[hours, minutes, seconds]` of "20:30", "20:30:15", "20h30", "20h", "20:30:15.000", and of
 * 12-hour times "8:30 PM", "8:30pm", "8 PM", "12:05 a.m."; null if unreadable.
 */
export function parseTime(text: string): [number, number, number] | null {
  const twelve = /^(\d{1,2})(?:[:.](\d{2})(?::(\d{2}))?)?\s*([aApP])\.?\s*[mM]\.?$/.exec(text);
  if (twelve) {
    const h = Number(twelve[1]);
    const min = Number(twelve[2] ?? 0);
    const s = Number(twelve[3] ?? 0);
    if (h < 1 || h > 12 || min > 59 || s > 59) return null;
    const pm = twelve[4].toLowerCase() === 'p';
    return [(h % 12) + (pm ? 12 : 0), min, s];
  }
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
 * "2025/03/14 20h30", "3 mars 2025", "Mar 3, 2025 8:30 PM", "3-Mar-2025"... Day-first unless
 * `dayFirst` is false (then "03/14/2025"); a month written as a word settles the order itself.
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
    if (!m) return parseNamedMonthDate(text);
    const first = Number(m[1]);
    const second = Number(m[3]);
    day = dayFirst ? first : second;
    month = dayFirst ? second : first;
    year = fullYear(m[4]);
    timeText = m[5];
  }
  const time = timeText === undefined ? ([0, 0, 0] as [number, number, number]) : parseTime(timeText);
  if (!time) return null;
  return build(year, month, day, time);
}

const fullYear = (digits: string) => {
  const year = Number(digits);
  return digits.length === 2 ? year + (year < 70 ? 2000 : 1900) : year;
};

/** Month words, French and English, full and abbreviated, folded (no accents, lower case, no dot). */
const MONTHS: Record<string, number> = {};
[
  ['janvier', 'janv', 'jan', 'january'],
  ['fevrier', 'fevr', 'fev', 'feb', 'february'],
  ['mars', 'mar', 'march'],
  ['avril', 'avr', 'apr', 'april'],
  ['mai', 'may'],
  ['juin', 'jun', 'june'],
  ['juillet', 'juil', 'jul', 'july'],
  ['aout', 'aug', 'august'],
  ['septembre', 'sept', 'sep', 'september'],
  ['octobre', 'oct', 'october'],
  ['novembre', 'nov', 'november'],
  ['decembre', 'dec', 'december'],
].forEach((words, i) => words.forEach((w) => (MONTHS[w] = i + 1)));

const foldWord = (w: string) => w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\.$/, '');
const WEEKDAY = /^(?:lun|mar|mer|jeu|ven|sam|dim|mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+/i;
/** « 3 mars 2025 », « 3-Mar-2025 », « 1er avril 2025 » (day, month word, year, then an optional time). */
const DAY_MONTH_YEAR = /^(\d{1,2})(?:er)?[\s.-]+([A-Za-zÀ-ÿ]+\.?)[\s.-]+(\d{4}|\d{2})(?:,?\s+(?:à\s+)?(.+))?$/;
/** « Mar 3, 2025 », « March 3 2025 8:30 PM » (month word, day, year, then an optional time). */
const MONTH_DAY_YEAR = /^([A-Za-zÀ-ÿ]+\.?)\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:,?\s+(?:at\s+)?(.+))?$/;

/** A date whose month is a word (French or English); null when it is not one. */
function parseNamedMonthDate(text: string): string | null {
  // « Mar 3, 2025 » is March, « Mar. 4 mars 2025 » a Tuesday: without the weekday only if need be.
  return namedMonthDate(text) ?? namedMonthDate(text.replace(WEEKDAY, '').trim());
}

function namedMonthDate(t: string): string | null {
  let day: number;
  let month: number | undefined;
  let year: number;
  let timeText: string | undefined;
  const dmy = DAY_MONTH_YEAR.exec(t);
  const mdy = dmy ? null : MONTH_DAY_YEAR.exec(t);
  if (dmy) {
    day = Number(dmy[1]);
    month = MONTHS[foldWord(dmy[2])];
    year = fullYear(dmy[3]);
    timeText = dmy[4];
  } else if (mdy) {
    month = MONTHS[foldWord(mdy[1])];
    day = Number(mdy[2]);
    year = Number(mdy[3]);
    timeText = mdy[4];
  } else return null;
  if (month === undefined) return null;
  const time = timeText === undefined ? ([0, 0, 0] as [number, number, number]) : parseTime(timeText.trim());
  if (!time) return null;
  return build(year, month, day, time);
}

/** A date-time whose time is replaced by the one of a separate time column. */
export function withTime(isoDateTime: string, time: [number, number, number]): string {
  return `${isoDateTime.slice(0, 11)}${pad2(time[0])}:${pad2(time[1])}:${pad2(time[2])}`;
}

/**
 * The decimal mark of a file's amounts, when its amount columns show one (« 12.50 » and never
 * « 12,50 »): then « 1,180 » is a thousand and a hundred and eighty, not 1,18. `auto`: a lone
 * comma is decimal (the French way).
 */
export type DecimalMark = 'auto' | '.' | ',';

const SPACES = /[\s\u00a0\u202f]/g;
/** The currency signs and codes an amount may carry, before or after the number. */
const CURRENCY = /€|\$|£|^(?:eur|usd|gbp|chf|fr\.?)|(?:eur|usd|gbp|chf|fr\.?)$/i;

/**
 * An amount in integer cents: "12,50", "12.50", "1 234,50 €", "1.234,50", "1,234.50", "1.234",
 * "EUR 12", "-12,50", "12,50-", "(12,50)". When both marks appear the last one is the decimal
 * mark; a lone point followed by exactly three digits (after a non-zero integer part) groups
 * thousands; a lone comma is decimal unless the file's amounts use a decimal point
 * (`fileDecimalMark` '.', then « 1,180 » is 1180). Thousands groups must have three digits.
 * `€`, `$`, `£`, `EUR`, `USD`, `GBP`, `CHF` may come before or after the number.
 */
export function parseAmountCents(text: string, fileDecimalMark: DecimalMark = 'auto'): number | null {
  let s = text.replace(SPACES, '').replace(/['’]/g, '');
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
  const fileMark = fileDecimalMark;
  let decimalMark = '';
  if (lastDot >= 0 && lastComma >= 0) decimalMark = lastDot > lastComma ? '.' : ',';
  else if (lastComma >= 0) decimalMark = s.indexOf(',') === lastComma && !(fileMark === '.' && /^\d{1,3}(,\d{3})+$/.test(s)) ? ',' : '';
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
