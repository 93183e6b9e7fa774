/** A criteria tree in words, for the waterfall, the ready-made segments and the export log. */
import type { TFunction } from 'i18next';
import { isAnd, isNot, isOr, type Criteria } from '../../../shared/segments-criteria.js';

type Formatter = { money: (cents: number) => string; number: (n: number, digits?: number) => string };

function bound(indicator: string, value: number, f: Formatter): string {
  return indicator === 'lifetimeValueCents' || indicator === 'averageBasketCents' ? f.money(value) : f.number(value, 2);
}

export function describeCriteria(c: Criteria, t: TFunction, f: Formatter): string {
  const d = (key: string, options?: Record<string, unknown>) => t(`segments.describe.${key}`, options ?? {});
  if (isAnd(c) || isOr(c)) {
    const parts = isAnd(c) ? c.and : c.or;
    if (parts.length === 0) return d('empty');
    const text = parts.map((p) => describeCriteria(p, t, f)).join(d(isAnd(c) ? 'and' : 'or'));
    return parts.length > 1 ? `(${text})` : text;
  }
  if (isNot(c)) return d('not', { inner: describeCriteria(c.not, t, f) });
  const seasons = 'seasons' in c && c.seasons ? d('inSeasons', { seasons: c.seasons.join(', ') }) : '';
  switch (c.field) {
    case 'discipline':
    case 'show':
    case 'company':
      return d('saw', { what: c.values.join(' / ') }) + seasons + (c.minPerformances && c.minPerformances > 1 ? d('atLeast', { count: c.minPerformances }) : '');
    case 'bought':
    case 'firstPurchase':
    case 'subscriber':
      return d(c.field) + (seasons || d('anySeason'));
    case 'band':
      return d('band', { indicator: t(`segments.indicators.${c.indicator}`), bands: c.values.join(', ') });
    case 'range': {
      const min = c.min !== undefined ? bound(c.indicator, c.min, f) : '';
      const max = c.max !== undefined ? bound(c.indicator, c.max, f) : '';
      const bounds = min && max ? d('between', { min, max }) : min ? d('atLeastValue', { min }) : d('atMostValue', { max });
      return d('range', { indicator: t(`segments.indicators.${c.indicator}`), bounds }) + seasons + (c.withinMonths ? d('lastMonths', { months: c.withinMonths }) : '');
    }
    case 'lastPurchase': {
      const min = c.minMonthsAgo !== undefined ? String(c.minMonthsAgo) : '';
      const max = c.maxMonthsAgo !== undefined ? String(c.maxMonthsAgo) : '';
      return d('lastPurchase', { bounds: min && max ? d('between', { min, max }) : min ? d('atLeastValue', { min }) : d('atMostValue', { max }) });
    }
    case 'consent':
      return d('consent', { channel: t(`segments.channels.${c.channel}`) });
    case 'hasEmail':
    case 'hasPhone':
    case 'hasAddress':
      return t(`segments.fields.${c.field}`);
    default: {
      const values = c.field === 'tariffKind' ? c.values.map((v) => t(`segments.tariffKinds.${v}`)) : c.values;
      return d('values', { field: t(`segments.fields.${c.field}`), values: values.join(', ') }) + seasons;
    }
  }
}
