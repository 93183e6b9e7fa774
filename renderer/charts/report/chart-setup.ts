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

const defaultLabels = ChartJS.defaults.plugins.legend.labels.generateLabels;

/**
 * Legend keys drawn as their series are: a line (dashed for the previous season) for a line, a
 * box for bars. chart.js's own key is a box for both, and a dashed line's box reads as a blot.
 */
function legendLabels(chart: ChartJS) {
  return defaultLabels(chart).map((item) => {
    const dataset = chart.data.datasets[item.datasetIndex ?? 0] as { type?: string } | undefined;
    const isLine = (dataset?.type ?? (chart.config as { type?: string }).type) === 'line';
    return { ...item, pointStyle: isLine ? ('line' as const) : ('rect' as const), lineWidth: isLine ? 2 : item.lineWidth };
  });
}

/** Shared options; `print` draws at twice the resolution for paper and PDF. */
export function baseOptions(locale: string, print: boolean) {
  return {
    animation: false as const,
    responsive: true,
    maintainAspectRatio: false,
    devicePixelRatio: print ? 2 : undefined,
    locale,
    plugins: {
      legend: { position: 'bottom' as const, labels: { boxWidth: 14, usePointStyle: true, pointStyleWidth: 26, generateLabels: legendLabels } },
      tooltip: { enabled: !print },
    },
  };
}
