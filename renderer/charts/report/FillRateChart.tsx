/** The fill rate of each performance of the season, in date order (performances without a capacity are left out). */
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { ReportPerformance } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { baseOptions, GRID, INK } from './chart-setup.js';

export function FillRateChart({ performances, print = false }: { performances: ReportPerformance[]; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const known = performances.filter((p) => p.fillRate !== null);
  if (known.length === 0) return <p className="muted">{t('reports.charts.noCapacity')}</p>;
  return (
    <Bar
      role="img"
      aria-label={t('reports.charts.fillRate')}
      data={{
        labels: known.map((p) => `${f.date(p.date)} — ${p.show}`),
        datasets: [{ label: t('reports.charts.fillRateAxis'), data: known.map((p) => Math.round(p.fillRate! * 1000) / 10), backgroundColor: INK, barPercentage: 1, categoryPercentage: 0.9 }],
      }}
      options={{
        ...baseOptions(f.locale, print),
        plugins: { legend: { display: false }, tooltip: { enabled: !print } },
        scales: {
          x: { ticks: { display: false }, grid: { display: false } },
          y: { beginAtZero: true, suggestedMax: 100, grid: { color: GRID }, title: { display: true, text: t('reports.charts.fillRateAxis') } },
        },
      }}
    />
  );
}
