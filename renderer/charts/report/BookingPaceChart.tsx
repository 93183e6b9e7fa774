/**
 * Cumulative tickets by days before the performance, this season (solid) against the previous
 * one (dashed): reads left to right from the opening of sales to the day of the performance.
 */
import { Line } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { BookingPace } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { baseOptions, GRID, INK, PREVIOUS } from './chart-setup.js';

export function BookingPaceChart({ pace, label, previousLabel, print = false }: { pace: BookingPace; label: string; previousLabel: string | null; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const datasets = [
    { label, data: pace.points.map((p) => ({ x: p.daysBefore, y: p.tickets })), borderColor: INK, backgroundColor: INK, borderWidth: 2.5, pointRadius: 0 },
  ];
  if (previousLabel) {
    datasets.push({
      label: previousLabel,
      data: pace.points.map((p) => ({ x: p.daysBefore, y: p.previousTickets ?? 0 })),
      borderColor: PREVIOUS,
      backgroundColor: PREVIOUS,
      borderWidth: 2,
      pointRadius: 0,
      borderDash: [6, 4],
    } as (typeof datasets)[number]);
  }
  return (
    <Line
      role="img"
      aria-label={t('reports.charts.bookingPace')}
      data={{ datasets }}
      options={{
        ...baseOptions(f.locale, print),
        scales: {
          x: { type: 'linear', reverse: true, min: 0, title: { display: true, text: t('reports.charts.daysBefore') }, grid: { color: GRID } },
          y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('reports.charts.cumulative') }, grid: { color: GRID } },
        },
      }}
    />
  );
}
