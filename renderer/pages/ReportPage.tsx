/**
 * « Rapport de saison »: an A4 document for the board and the funders, printed from the app
 * (Imprimer), saved as PDF (desktop: printToPDF with a save dialog; browser: the browser's
 * print), or by `parterre report --pdf`, which prints this very page. Its print stylesheet
 * (styles/reports.css) sets A4 pages, repeats the performance table's header on each page, keeps
 * rows and charts whole, and reads in black and white.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { SEASON_FORMULAS } from '../../shared/indicator-formulas.js';
import { REPORT_FORMULAS } from '../../shared/report-formulas.js';
import type { SeasonReport } from '../../shared/report-types.js';
import { topShows, type ShowTotals } from '../../shared/top-shows.js';
import { call, transportKind } from '../api.js';
import { BookingPaceChart } from '../charts/report/BookingPaceChart.js';
import { DepartementMap } from '../charts/report/DepartementMap.js';
import { DisciplineChart } from '../charts/report/DisciplineChart.js';
import { FillRateChart } from '../charts/report/FillRateChart.js';
import { LadderChart, useLadderLabel } from '../charts/report/LadderChart.js';
import { SalesByMonthChart } from '../charts/report/SalesByMonthChart.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { PerformanceTable } from '../components/PerformanceTable.js';
import { CommunesTable, DepartementsTable } from '../components/PlacesTables.js';
import { SamePoint } from '../components/SamePoint.js';
import { CARD_FIGURES, useSeasonFigures } from '../components/SeasonCards.js';
import { SeasonPicker } from '../components/SeasonPicker.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { navigate } from '../hooks/useHashRoute.js';
import { changeOf } from '../lib/season-change.js';
import '../styles/reports.css';

export function ReportPage({ season }: { season?: string }) {
  const { t } = useTranslation();
  const report = useCall('reports.season', season ? { season } : {});
  const [message, setMessage] = useState<string | null>(null);
  const [ready, setReady] = useState(false);
  const value = report.value;
  useEffect(() => {
    setReady(false);
    if (!value) return;
    // Children's charts are drawn in their own effects, which ran before this one: one frame later they are painted.
    const frame = requestAnimationFrame(() => setReady(true));
    return () => cancelAnimationFrame(frame);
  }, [value]);

  if (report.error) {
    return (
      <div data-report-error={report.error.message}>
        <ErrorMessage error={report.error} onRetry={report.reload} />
      </div>
    );
  }
  if (!value) return <p className="busy">{t('reports.loading')}</p>;
  const savePdf = async () => {
    if (transportKind !== 'electron') {
      window.print();
      return;
    }
    const venue = value.venueName || t('reports.report.venueFallback');
    const result = await call('print.savePdf', { fileName: `${t('reports.report.title')} ${value.season.label} - ${venue}.pdf` });
    if (!result.ok) setMessage(result.error.message);
    else if (result.value.path) setMessage(t('reports.report.savedPdf', { path: result.value.path }));
  };
  return (
    <div className="report-page">
      <div className="report-toolbar toolbar">
        <SeasonPicker seasons={value.seasons} value={value.season.label} onChange={(label) => navigate({ page: 'report', season: label })} />
        <button type="button" className="primary" onClick={() => window.print()}>
          {t('reports.report.print')}
        </button>
        <button type="button" onClick={() => void savePdf()}>
          {t('reports.report.savePdf')}
        </button>
        {message ? (
          <span className="notice" role="status">
            {message}
          </span>
        ) : null}
      </div>
      <ReportDocument report={value} ready={ready} />
    </div>
  );
}

function ReportDocument({ report, ready }: { report: SeasonReport; ready: boolean }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const language = i18n.language === 'en' ? 'en' : 'fr';
  const { show, showChange } = useSeasonFigures();
  const ladderLabel = useLadderLabel();
  const { season, previous } = report;
  const venue = report.venueName || t('reports.report.venueFallback');
  const tops = topShows(report.performances);
  const formula = (key: keyof typeof REPORT_FORMULAS) => t('reports.formula', { formula: formulaText(REPORT_FORMULAS[key], language) });
  return (
    <article className="report" data-report-ready={ready ? season.label : undefined} lang={language}>
      <section className="report-cover">
        <p className="report-venue">{venue}</p>
        <h1>{t('reports.report.cover', { label: season.label })}</h1>
        <dl className="cover-figures">
          {(['spectators', 'tickets', 'revenueCents', 'fillRate'] as const).map((key) => {
            const kind = CARD_FIGURES.find(([k]) => k === key)![1];
            return (
              <div key={key}>
                <dt>{t(`reports.cards.${key}`)}</dt>
                <dd>{show(season[key] as number | null, kind)}</dd>
              </div>
            );
          })}
        </dl>
        <p className="report-meta">
          {t('reports.report.performancesCount', { count: season.performances, formatted: f.number(season.performances) })} · {previous ? t('reports.previous', { label: previous.label }) : t('reports.noPrevious')}
        </p>
        <p className="report-meta">{t('reports.report.printedOn', { date: f.date(new Date().toISOString()) })}</p>
      </section>

      <section className="report-section">
        <h2>{t('reports.report.headline')}</h2>
        <table className="dense headline" data-table="headline">
          <thead>
            <tr>
              <th>{t('reports.report.indicator')}</th>
              <th className="num">{season.label}</th>
              <th className="num">{previous ? previous.label : '—'}</th>
              <th className="num" title={formula('change')}>
                {t('reports.report.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {CARD_FIGURES.map(([key, kind]) => (
              <tr key={key} data-figure={key} title={t('reports.formula', { formula: formulaText(SEASON_FORMULAS[key], language) })}>
                <th scope="row">{t(`reports.cards.${key}`)}</th>
                <td className="num">{show(season[key] as number | null, kind)}</td>
                <td className="num">{previous ? show(previous[key] as number | null, kind) : '—'}</td>
                <td className="num">{previous ? showChange(changeOf(season[key] as number | null, previous[key] as number | null, kind)) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section className="report-section break-before">
        <h2>{t('reports.report.sales')}</h2>
        <figure className="report-chart" title={formula('salesByMonth')}>
          <figcaption>{t('reports.charts.salesByMonth')}</figcaption>
          <div className="chart" style={{ height: '70mm' }}>
            <SalesByMonthChart months={report.salesByMonth} print />
          </div>
        </figure>
        <figure className="report-chart" title={formula('bookingPace')}>
          <figcaption>{t('reports.charts.bookingPace')}</figcaption>
          <div className="chart" style={{ height: '70mm' }}>
            <BookingPaceChart pace={report.bookingPace} label={season.label} previousLabel={previous?.label ?? null} print />
          </div>
          <SamePoint report={report} />
        </figure>
      </section>

      <section className="report-section break-before">
        <h2>{t('reports.report.performances')}</h2>
        <figure className="report-chart" title={formula('performanceFillRate')}>
          <figcaption>{t('reports.charts.fillRate')}</figcaption>
          <div className="chart" style={{ height: '55mm' }}>
            <FillRateChart performances={report.performances} print />
          </div>
        </figure>
        <PerformanceTable performances={report.performances} fixed />
      </section>

      <section className="report-section break-before tops">
        <TopShows title={t('reports.report.topByTickets')} shows={tops.byTickets} />
        <TopShows title={t('reports.report.topByFill')} shows={tops.byFillRate} />
      </section>

      <section className="report-section break-before">
        <h2>{t('reports.report.audience')}</h2>
        <figure className="report-chart" title={formula('ladder')}>
          <figcaption>{t('reports.charts.ladder')}</figcaption>
          <div className="chart" style={{ height: '60mm' }}>
            <LadderChart ladder={report.ladder} print />
          </div>
          <table className="dense" data-table="ladder">
            <thead>
              <tr>
                <th>{t('reports.charts.ladderAxis')}</th>
                <th className="num">{t('reports.charts.spectators')}</th>
                <th className="num">{t('reports.charts.new')}</th>
              </tr>
            </thead>
            <tbody>
              {report.ladder.map((step) => (
                <tr key={step.band}>
                  <td>{ladderLabel(step.band)}</td>
                  <td className="num">{f.number(step.spectators)}</td>
                  <td className="num">{f.number(step.newSpectators)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
        <figure className="report-chart" title={formula('disciplines')}>
          <figcaption>{t('reports.charts.disciplines')}</figcaption>
          <div className="chart" style={{ height: `${30 + report.disciplines.length * 11}mm` }}>
            <DisciplineChart disciplines={report.disciplines} print />
          </div>
          <table className="dense" data-table="disciplines">
            <thead>
              <tr>
                <th>{t('reports.seasons.discipline')}</th>
                <th className="num">{t('reports.charts.tickets')}</th>
                <th className="num">{t('reports.seasons.revenue')}</th>
                <th className="num">{t('reports.charts.spectators')}</th>
              </tr>
            </thead>
            <tbody>
              {report.disciplines.map((d) => (
                <tr key={d.discipline ?? ''}>
                  <td>{d.discipline ?? t('reports.charts.noDiscipline')}</td>
                  <td className="num">{f.number(d.tickets)}</td>
                  <td className="num">{f.money(d.revenueCents)}</td>
                  <td className="num">{f.number(d.spectators)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </figure>
      </section>

      <section className="report-section break-before">
        <h2>{t('reports.report.geography')}</h2>
        <figure className="report-chart" title={formula('departements')}>
          <figcaption>{t('reports.charts.mapLegend')}</figcaption>
          <div className="chart" style={{ height: '120mm' }}>
            <DepartementMap departements={report.departements} print />
          </div>
        </figure>
        <div className="two-columns">
          <DepartementsTable departements={report.departements} />
          <CommunesTable communes={report.communes} />
        </div>
      </section>
    </article>
  );
}

function TopShows({ title, shows }: { title: string; shows: ShowTotals[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <figure className="report-chart">
      <figcaption>{title}</figcaption>
      <table className="dense" data-table="top-shows">
        <thead>
          <tr>
            <th>{t('reports.seasons.show')}</th>
            <th>{t('reports.seasons.discipline')}</th>
            <th className="num">{t('reports.cards.performances')}</th>
            <th className="num">{t('reports.charts.tickets')}</th>
            <th className="num">{t('reports.seasons.fillRate')}</th>
          </tr>
        </thead>
        <tbody>
          {shows.map((s) => (
            <tr key={s.show}>
              <td>{s.show}</td>
              <td>{s.discipline ?? '—'}</td>
              <td className="num">{f.number(s.performances)}</td>
              <td className="num">{f.number(s.tickets)}</td>
              <td className="num">{f.percent(s.fillRate)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
