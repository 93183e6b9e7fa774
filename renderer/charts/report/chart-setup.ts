/**
 * What every chart of the dashboard and the report shares: the chart.js parts they use, no
 * animation (a chart must be whole the moment it is printed), and colours that stay apart in
 * black and white (one dark, one light, the previous season dashed).
 */
import {
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
} from 'chart.js';

ChartJS.register(BarElement, CategoryScale, LinearScale, LineElement, PointElement, Tooltip, Legend);

export const INK = '#8c2f39';
export const LIGHT = '#e3c4c8';
export const PREVIOUS = '#4b5563';
export const GRID = '#e5e2dc';

/** Shared options; `print` draws at twice the resolution for paper and PDF. */
export function baseOptions(locale: string, print: boolean) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    devicePixelRatio: print ? 2 : undefined,
    locale,
    plugins: { legend: { position: 'bottom' as const, labels: { boxWidth: 14 } }, tooltip: { enabled: !print } },
  };
}
