/** Spectators by the number of performances they attended, new ones (dark) stacked under the others (light). */
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { LadderStep } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { baseOptions, GRID, INK, LIGHT } from './chart-setup.js';

export function useLadderLabel() {
  const { t } = useTranslation();
  return (band: LadderStep['band']) => (band === '>10' ? t('reports.charts.more') : band === '4-10' ? '4–10' : band);
}

export function LadderChart({ ladder, print = false }: { ladder: LadderStep[]; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const label = useLadderLabel();
  return (
    <Bar
      role="img"
      aria-label={t('reports.charts.ladder')}
      data={{
        labels: ladder.map((step) => label(step.band)),
        datasets: [
          { label: t('reports.charts.new'), data: ladder.map((s) => s.newSpectators), backgroundColor: INK },
          { label: t('reports.charts.others'), data: ladder.map((s) => s.spectators - s.newSpectators), backgroundColor: LIGHT, borderColor: INK, borderWidth: 1 },
        ],
      }}
      options={{
        ...baseOptions(f.locale, print),
        scales: {
          x: { stacked: true, grid: { display: false }, ticks: { autoSkip: false }, title: { display: true, text: t('reports.charts.ladderAxis') } },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 }, grid: { color: GRID }, title: { display: true, text: t('reports.charts.spectators') } },
        },
      }}
    />
  );
}
