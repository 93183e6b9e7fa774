/**
 * French-first display of money, dates and numbers, shared by the renderer, the CLI and reports.
 * Built on Intl so that spacing (narrow no-break space for thousands, no-break space before €)
 * is exactly what a French user expects. Dates arrive as ISO text in the venue's local time with
 * no zone (`YYYY-MM-DD` or `YYYY-MM-DDTHH:MM:SS`): they are read as written, never shifted by
 * the machine's time zone.
 */
export type Locale = 'fr-FR' | 'en-GB';
export const DEFAULT_LOCALE: Locale = 'fr-FR';

/** Shown for a figure that does not exist (e.g. a retention rate with no previous season). */
export const MISSING = '—';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.NumberFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.NumberFormat(locale, options)));
  return format;
}
function dateFormat(locale: Locale, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(options)}`;
  let format = cache.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) cache.set(key, (format = new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' })));
  return format;
}

const isMissing = (value: number | null | undefined): value is null | undefined =>
  value === null || value === undefined || Number.isNaN(value);

/** The database's one currency (an ISO code); the amounts of an export in dollars show « $ ». */
export const DEFAULT_CURRENCY = 'EUR';

/** 123450 → « 1 234,50 € » (« 1 234,50 $US » for USD). */
export function formatMoney(cents: number | null | undefined, locale: Locale = DEFAULT_LOCALE, currency: string = DEFAULT_CURRENCY): string {
  if (isMissing(cents)) return MISSING;
  return numberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

/** 12345.678 → « 12 345,68 » with at most `maxDigits` decimals (0 by default). */
export function formatNumber(value: number | null | undefined, maxDigits = 0, locale: Locale = DEFAULT_LOCALE): string {
  if (isMissing(value)) return MISSING;
  return numberFormat(locale, { maximumFractionDigits: maxDigits }).format(value);
}

/** A ratio 0.4567 → « 45,7 % ». */
export function formatPercent(ratio: number | null | undefined, digits = 1, locale: Locale = DEFAULT_LOCALE): string {
  if (isMissing(ratio)) return MISSING;
  return numberFormat(locale, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(
    ratio,
  );
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?/;

/** The instant as written, as a UTC Date (formatted back in UTC, so no zone shifts it). */
function parseIso(iso: string): Date | null {
  const m = ISO.exec(iso);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** « 2025-03-14T20:30:00 » → « 14/03/2025 ». */
export function formatDate(iso: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  const date = iso ? parseIso(iso) : null;
  if (!date) return MISSING;
  return dateFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric' }).format(date);
}

/** « 2025-03-14T20:30:00 » → « 14/03/2025 20:30 ». */
export function formatDateTime(iso: string | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  const date = iso ? parseIso(iso) : null;
  if (!date) return MISSING;
  return dateFormat(locale, {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  })
    .format(date)
    .replace(',', '');
}

/** 1_572_864 bytes → « 1,5 Mo » (French units; « MB » in English). */
export function formatBytes(bytes: number | null | undefined, locale: Locale = DEFAULT_LOCALE): string {
  if (isMissing(bytes)) return MISSING;
  const units = locale === 'fr-FR' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${formatNumber(value, unit === 0 ? 0 : 1, locale)}\u00a0${units[unit]}`;
}
