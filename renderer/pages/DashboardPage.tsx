/**
 * « Tableau de bord »: a season (the latest by default) beside the previous one: the headline
 * cards with their changes, and the charts of sales, booking pace, disciplines, fill rate,
 * audience ladder and where the audience lives.
 */
import { useTranslation } from 'react-i18next';
import { BookingPaceChart } from '../charts/report/BookingPaceChart.js';
import { DepartementMap } from '../charts/report/DepartementMap.js';
import { DisciplineChart } from '../charts/report/DisciplineChart.js';
import { FillRateChart } from '../charts/report/FillRateChart.js';
import { LadderChart } from '../charts/report/LadderChart.js';
import { SalesByMonthChart } from '../charts/report/SalesByMonthChart.js';
import { ChartPanel } from '../components/ChartPanel.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { CommunesTable, DepartementsTable } from '../components/PlacesTables.js';
import { SamePoint } from '../components/SamePoint.js';
import { SeasonCards } from '../components/SeasonCards.js';
import { SeasonPicker } from '../components/SeasonPicker.js';
import { useCall } from '../hooks/useCall.js';
import { navigate, routeHref } from '../hooks/useHashRoute.js';
import '../styles/reports.css';
import { SibilDeadline } from '../components/sibil/SibilDeadline.js';

export function DashboardPage({ season }: { season?: string }) {
  const { t } = useTranslation();
  const report = useCall('reports.season', season ? { season } : {});
  if (report.error) {
    return report.error.code === 'NOT_FOUND' && !season ? (
      <p className="muted">{t('reports.noSeason')}</p>
    ) : (
      <ErrorMessage error={report.error} onRetry={report.reload} />
    );
  }
  const r = report.value;
  if (!r) return <p className="busy">{t('reports.loading')}</p>;
  const label = r.season.label;
  return (
    <div className="dashboard" data-dashboard-ready={report.loading ? undefined : label}>
      <header className="page-header">
        <h1>{t('reports.dashboard.title')}</h1>
        <SeasonPicker seasons={r.seasons} value={label} onChange={(value) => navigate({ page: 'dashboard', season: value })} />
        <span className="muted">{r.previous ? t('reports.previous', { label: r.previous.label }) : t('reports.noPrevious')}</span>
        <span className="header-actions">
          <a className="button" href={routeHref({ page: 'seasons', season: label })}>
            {t('reports.dashboard.openSeasons')}
          </a>
          <a className="button primary" href={routeHref({ page: 'report', season: label })}>
            {t('reports.dashboard.openReport')}
          </a>
        </span>
      </header>
      <SibilDeadline />
      <SeasonCards season={r.season} previous={r.previous} />
      <div className="chart-grid">
        <ChartPanel title={t('reports.charts.salesByMonth')} formula="salesByMonth">
          <SalesByMonthChart months={r.salesByMonth} />
        </ChartPanel>
        <ChartPanel title={t('reports.charts.bookingPace')} formula="bookingPace" footer={<SamePoint report={r} />}>
          <BookingPaceChart pace={r.bookingPace} label={label} previousLabel={r.previous?.label ?? null} />
        </ChartPanel>
        <ChartPanel title={t('reports.charts.disciplines')} formula="disciplines" height={60 + r.disciplines.length * 42}>
          <DisciplineChart disciplines={r.disciplines} />
        </ChartPanel>
        <ChartPanel title={t('reports.charts.ladder')} formula="ladder">
          <LadderChart ladder={r.ladder} />
        </ChartPanel>
        <ChartPanel title={t('reports.charts.fillRate')} formula="performanceFillRate" className="wide">
          <FillRateChart performances={r.performances} />
        </ChartPanel>
        <ChartPanel title={t('reports.charts.map')} formula="departements" height={420} className="map-panel">
          <DepartementMap departements={r.departements} />
        </ChartPanel>
        <section className="panel">
          <h2>{t('reports.charts.departements')}</h2>
          <DepartementsTable departements={r.departements} limit={12} />
          <p className="muted small">{t('reports.charts.mapOverseas')}</p>
        </section>
        <section className="panel wide">
          <h2>{t('reports.charts.communes')}</h2>
          <CommunesTable communes={r.communes} />
        </section>
      </div>
    </div>
  );
}
