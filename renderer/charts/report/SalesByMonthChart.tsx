/** Tickets (bars) and revenue (line, right axis) of the season by month of sale. */
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportMonth } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { baseOptions, GRID, INK, PREVIOUS } from './chart-setup.js';

export function monthLabel(month: string, locale: string): string {
  const date = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)) - 1, 1));
  return date.toLocaleDateString(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export function SalesByMonthChart({ months, print = false }: { months: ReportMonth[]; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const dated = months.filter((m): m is ReportMonth & { month: string } => m.month !== null);
  return (
    <Bar
      role="img"
      aria-label={t('reports.charts.salesByMonth')}
      data={{
        labels: dated.map((m) => monthLabel(m.month, f.locale)),
        datasets: [
          { type: 'bar' as const, label: t('reports.charts.tickets'), data: dated.map((m) => m.tickets), backgroundColor: INK, yAxisID: 'y' },
          {
            type: 'line' as const,
            label: t('reports.charts.revenue'),
            data: dated.map((m) => m.revenueCents / 100),
            borderColor: PREVIOUS,
            backgroundColor: PREVIOUS,
            borderDash: [6, 4],
            pointRadius: 2,
            yAxisID: 'revenue',
          } as never,
        ],
      }}
      options={{
        ...baseOptions(f.locale, print),
        scales: {
          x: { grid: { display: false } },
          y: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID }, title: { display: true, text: t('reports.charts.tickets') } },
          revenue: { position: 'right', beginAtZero: true, grid: { display: false }, title: { display: true, text: t('reports.charts.revenue') } },
        },
      }}
    />
  );
}
