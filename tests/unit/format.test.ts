import { describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDateTime, formatMoney, formatNumber, formatPercent } from '../../shared/format.js';

// Intl writes thousands with a narrow no-break space and puts a no-break space before € and %:
// the expectations spell those characters out so a plain-space regression fails.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatMoney', () => {
  it('writes cents as French euros', () => {
    expect(formatMoney(123450)).toBe(`1${NNBSP}234,50${NBSP}€`);
    expect(formatMoney(5)).toBe(`0,05${NBSP}€`);
    expect(formatMoney(0)).toBe(`0,00${NBSP}€`);
  });
  it('keeps the sign of refunds', () => {
    expect(formatMoney(-2500)).toBe(`-25,00${NBSP}€`);
  });
  it('shows a dash for a missing amount', () => {
    expect(formatMoney(null)).toBe('—');
  });
  it('speaks English when asked', () => {
    expect(formatMoney(123450, 'en-GB')).toBe('€1,234.50');
  });
});

describe('formatDate and formatDateTime', () => {
  it('reads the ISO text as written, day first', () => {
    expect(formatDate('2025-03-14')).toBe('14/03/2025');
    expect(formatDate('2025-03-14T23:30:00')).toBe('14/03/2025');
    expect(formatDateTime('2025-03-14T20:05:00')).toBe('14/03/2025 20:05');
  });
  it('never shifts the day with the time zone', () => {
    // Just before and just after midnight stay on their own day whatever the machine's zone.
    expect(formatDate('2024-12-31T23:59:59')).toBe('31/12/2024');
    expect(formatDate('2025-01-01T00:00:00')).toBe('01/01/2025');
  });
  it('shows a dash for nothing or garbage', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDate('32/13/2024')).toBe('—');
  });
});

describe('formatNumber and formatPercent', () => {
  it('groups thousands and rounds to the digits asked', () => {
    expect(formatNumber(100000)).toBe(`100${NNBSP}000`);
    expect(formatNumber(2.345, 2)).toBe('2,35');
    expect(formatNumber(2, 2)).toBe('2');
  });
  it('writes ratios as French percentages', () => {
    expect(formatPercent(0.4567)).toBe(`45,7${NBSP}%`);
    expect(formatPercent(1, 0)).toBe(`100${NBSP}%`);
    expect(formatPercent(null)).toBe('—');
  });
  it('writes file sizes in French units', () => {
    expect(formatBytes(512)).toBe(`512${NBSP}o`);
    expect(formatBytes(1.5 * 1024 * 1024)).toBe(`1,5${NBSP}Mo`);
  });
});

describe('the currency of the database', () => {
  it('formats money in it, euros by default', () => {
    expect(formatMoney(123450)).toBe('1\u202f234,50\u00a0€');
    expect(formatMoney(123450, 'fr-FR', 'USD')).toBe('1\u202f234,50\u00a0$US');
    expect(formatMoney(1250, 'en-GB', 'GBP')).toBe('£12.50');
  });
});
