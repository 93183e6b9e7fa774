/** Tickets per discipline seen, as horizontal bars in each discipline's fixed colour. */
import { BarElement, CategoryScale, Chart as ChartJS, LinearScale, Tooltip } from 'chart.js';
import { Bar } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import type { DisciplineCount } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';
import { disciplineColour } from './discipline-colours.js';

ChartJS.register(BarElement, CategoryScale, LinearScale, Tooltip);

export function DisciplinesChart({ disciplines }: { disciplines: DisciplineCount[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const sorted = [...disciplines].sort((a, b) => b.tickets - a.tickets);
  return (
    <section className="panel">
      <h2>{t('customer.disciplines')}</h2>
      {sorted.length === 0 ? (
        <p className="muted">{t('customer.noDisciplines')}</p>
      ) : (
        <div className="chart" style={{ height: 40 + sorted.length * 30 }}>
          <Bar
            aria-label={t('customer.disciplines')}
            role="img"
            data={{
              labels: sorted.map((d) => d.discipline),
              datasets: [
                {
                  label: t('customer.ticketsAxis'),
                  data: sorted.map((d) => d.tickets),
                  backgroundColor: sorted.map((d) => disciplineColour(d.discipline)),
                  barThickness: 18,
                },
              ],
            }}
            options={{
              indexAxis: 'y',
              animation: false,
              maintainAspectRatio: false,
              locale: f.locale,
              plugins: { legend: { display: false }, tooltip: { enabled: true } },
              scales: {
                x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: t('customer.ticketsAxis') } },
                y: { grid: { display: false } },
              },
            }}
          />
        </div>
      )}
    </section>
  );
}
