/**
 * « Saisons »: every season with its headline indicators, and one season's performances,
 * sortable, with the capacity editable where the export lacks it (the fill rate follows).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { SEASON_FORMULAS } from '../../shared/indicator-formulas.js';
import type { SeasonIndicators } from '../../shared/types.js';
import { call } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PerformanceTable } from '../components/PerformanceTable.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { routeHref } from '../hooks/useHashRoute.js';
import '../styles/reports.css';

const COLUMNS: (keyof SeasonIndicators & keyof typeof SEASON_FORMULAS)[] = [
  'performances',
  'tickets',
  'revenueCents',
  'spectators',
  'newSpectators',
  'retentionRate',
  'subscribers',
  'fillRate',
];

export function SeasonsPage({ season }: { season?: string }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const seasons = useCall('seasons.list', {});
  const report = useCall('reports.season', season ? { season } : {});
  const [saved, setSaved] = useState(false);
  const show = (s: SeasonIndicators, key: (typeof COLUMNS)[number]) => {
    const value = s[key] as number | null;
    if (key === 'revenueCents') return f.money(value);
    if (key === 'retentionRate' || key === 'fillRate') return f.percent(value);
    return f.number(value);
  };
  const onCapacity = async (key: string, capacity: number | null) => {
    const result = await call('performances.setCapacity', { key, capacity });
    if (!result.ok) return result.error.message;
    setSaved(true);
    report.reload();
    seasons.reload();
    return null;
  };
  if (seasons.error) return <ErrorMessage error={seasons.error} onRetry={seasons.reload} />;
  const current = report.value?.season.label;
  return (
    <div className="seasons-page">
      <h1>{t('reports.seasons.title')}</h1>
      {seasons.value && seasons.value.length === 0 ? <p className="muted">{t('reports.noSeason')}</p> : null}
      {seasons.value && seasons.value.length > 0 ? (
        <section className="panel">
          <h2>{t('reports.seasons.list')}</h2>
          <table className="dense seasons-table" data-table="seasons">
            <thead>
              <tr>
                <th>{t('reports.season')}</th>
                {COLUMNS.map((key) => (
                  <th key={key} className="num" title={t('reports.formula', { formula: formulaText(SEASON_FORMULAS[key], i18n.language) })}>
                    {t(`reports.cards.${key}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {[...seasons.value].reverse().map((s) => (
                <tr key={s.seasonYear} className={s.label === current ? 'current' : undefined} aria-current={s.label === current ? 'true' : undefined}>
                  <th scope="row">
                    <a href={routeHref({ page: 'seasons', season: s.label })}>{s.label}</a>
                  </th>
                  {COLUMNS.map((key) => (
                    <td key={key} className="num">
                      {show(s, key)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
      {report.error && report.error.code !== 'NOT_FOUND' ? <ErrorMessage error={report.error} onRetry={report.reload} /> : null}
      {report.value ? (
        <section className="panel">
          <header>
            <h2>{t('reports.seasons.performancesOf', { label: report.value.season.label })}</h2>
            <span className="header-actions">
              <a className="button" href={routeHref({ page: 'dashboard', season: report.value.season.label })}>
                {t('reports.dashboard.title')}
              </a>
              <a className="button primary" href={routeHref({ page: 'report', season: report.value.season.label })}>
                {t('reports.report.title')}
              </a>
            </span>
          </header>
          <p className="muted">{t('reports.seasons.capacityHelp')}</p>
          {saved ? (
            <p className="notice" role="status">
              {t('reports.seasons.saved')}
            </p>
          ) : null}
          <PerformanceTable performances={report.value.performances} onCapacity={onCapacity} />
        </section>
      ) : null}
    </div>
  );
}
