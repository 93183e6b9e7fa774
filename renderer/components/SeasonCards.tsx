/**
 * The season's headline figures beside the previous season's, each with its change and, on
 * hover or keyboard focus, its formula and the change's formula.
 */
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';
import { SEASON_FORMULAS } from '../../shared/indicator-formulas.js';
import type { SeasonIndicators } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';
import { changeOf, type Change, type FigureKind } from '../lib/season-change.js';

export const CARD_FIGURES: [keyof SeasonIndicators & keyof typeof SEASON_FORMULAS, FigureKind][] = [
  ['spectators', 'count'],
  ['newSpectators', 'count'],
  ['returning', 'count'],
  ['reactivated', 'count'],
  ['retentionRate', 'rate'],
  ['tickets', 'count'],
  ['ticketsPaid', 'count'],
  ['ticketsFree', 'count'],
  ['revenueCents', 'money'],
  ['revenueExclTaxCents', 'money'],
  ['averagePriceCents', 'money'],
  ['averageBasketCents', 'money'],
  ['orders', 'count'],
  ['subscribers', 'count'],
  ['fillRate', 'rate'],
];

/** Formats a figure and its change the same way on the dashboard and in the report. */
export function useSeasonFigures() {
  const { t } = useTranslation();
  const f = useFormat();
  const show = (value: number | null, kind: FigureKind) => (kind === 'money' ? f.money(value) : kind === 'rate' ? f.percent(value) : f.number(value));
  const showChange = (change: Change | null) => {
    if (!change) return '—';
    const sign = change.value > 0 ? '+' : change.value < 0 ? '−' : '±';
    const size = Math.abs(change.value);
    return change.kind === 'rate' ? `${sign}${t('reports.points', { value: f.number(size * 100, 1) })}` : `${sign}${f.percent(size)}`;
  };
  return { show, showChange };
}

export function SeasonCards({ season, previous }: { season: SeasonIndicators; previous: SeasonIndicators | null }) {
  const { t, i18n } = useTranslation();
  const { show, showChange } = useSeasonFigures();
  return (
    <dl className="season-cards">
      {CARD_FIGURES.map(([key, kind]) => {
        const value = season[key] as number | null;
        const before = previous ? (previous[key] as number | null) : null;
        const change = changeOf(value, before, kind);
        const formula = `${t('reports.formula', { formula: formulaText(SEASON_FORMULAS[key], i18n.language) })}\n${t('reports.changeFormula', { formula: formulaText(REPORT_FORMULAS.change, i18n.language) })}`;
        const direction = change ? (change.value > 0 ? 'up' : change.value < 0 ? 'down' : 'flat') : 'none';
        return (
          <div key={key} className="season-card" title={formula} tabIndex={0} data-figure={key} aria-describedby={`card-formula-${key}`}>
            <dt>{t(`reports.cards.${key}`)}</dt>
            <dd className="value">{show(value, kind)}</dd>
            <dd className={`change ${direction}`}>
              {previous ? t('reports.vsPrevious', { change: showChange(change), label: previous.label, value: show(before, kind) }) : t('reports.noPrevious')}
            </dd>
            <span id={`card-formula-${key}`} role="tooltip" className="formula">
              {formula}
            </span>
          </div>
        );
      })}
    </dl>
  );
}
