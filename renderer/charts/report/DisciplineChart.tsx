/** Tickets (dark bars, bottom axis) and revenue (light bars, top axis) per discipline. */
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportDiscipline } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { baseOptions, GRID, INK, LIGHT } from './chart-setup.js';

export function DisciplineChart({ disciplines, print = false }: { disciplines: ReportDiscipline[]; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <Bar
      role="img"
      aria-label={t('reports.charts.disciplines')}
      data={{
        labels: disciplines.map((d) => d.discipline ?? t('reports.charts.noDiscipline')),
        datasets: [
          { label: t('reports.charts.tickets'), data: disciplines.map((d) => d.tickets), backgroundColor: INK, xAxisID: 'x' },
          { label: t('reports.charts.revenue'), data: disciplines.map((d) => d.revenueCents / 100), backgroundColor: LIGHT, borderColor: INK, borderWidth: 1, xAxisID: 'revenue' },
        ],
      }}
      options={{
        ...baseOptions(f.locale, print),
        indexAxis: 'y',
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID }, title: { display: true, text: t('reports.charts.tickets') } },
          revenue: { position: 'top', beginAtZero: true, grid: { display: false }, title: { display: true, text: t('reports.charts.revenue') } },
          y: { grid: { display: false } },
        },
      }}
    />
  );
}
