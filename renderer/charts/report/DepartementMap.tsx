/**
 * Spectators by département on a map of metropolitan France drawn offline: chartjs-chart-geo
 * over resources/geo/departements.geo.json (IGN Admin Express via france-geojson, Licence
 * Ouverte). One hue from light to dark, so that it reads in black and white too; the table
 * beside it carries the exact numbers, overseas départements and places the reference does not know.
 */
import { Chart as ChartJS } from 'chart.js';
import { ChoroplethController, ColorScale, geoConicConformal, GeoFeature, ProjectionScale } from 'chartjs-chart-geo';
import { Chart } from 'react-chartjs-2';
import { useTranslation } from 'react-i18next';
import outline from '../../../resources/geo/departements.geo.json';
import type { ReportDepartement } from '../../../shared/report-types.js';
import { useFormat } from '../../hooks/useFormat.js';

ChartJS.register(ChoroplethController, GeoFeature, ColorScale, ProjectionScale);

interface OutlineFeature {
  type: 'Feature';
  properties: { code: string; nom: string };
  geometry: unknown;
}
const features = (outline as unknown as { features: OutlineFeature[] }).features;

/** France's own Lambert-93 parameters (standard parallels 44° and 49° N, central meridian 3° E). */
const lambert93 = geoConicConformal().parallels([44, 49]).rotate([-3, 0]);

/**
 * From a very light to a dark shade of the accent colour: the darker, the more spectators. On a
 * square-root ramp: one home département often holds most of the audience, and a linear ramp
 * would leave every other one the same pale shade.
 */
export function shade(value: number): string {
  const light = [247, 240, 240];
  const dark = [90, 26, 34];
  const t = Math.sqrt(Math.min(1, Math.max(0, value)));
  const mix = light.map((l, i) => Math.round(l + (dark[i] - l) * t));
  return `rgb(${mix.join(', ')})`;
}

export function DepartementMap({ departements, print = false }: { departements: ReportDepartement[]; print?: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const spectators = new Map(departements.filter((d) => d.code).map((d) => [d.code!, d.spectators]));
  return (
    <Chart
      type={'choropleth' as never}
      role="img"
      aria-label={t('reports.charts.map')}
      data={{
        labels: features.map((feature) => feature.properties.nom),
        datasets: [
          {
            label: t('reports.charts.mapLegend'),
            outline: features as never,
            data: features.map((feature) => ({ feature, value: spectators.get(feature.properties.code) ?? 0 })) as never,
            borderColor: '#9a948a',
            borderWidth: 0.5,
          } as never,
        ],
      }}
      options={
        {
          animation: false,
          responsive: true,
          maintainAspectRatio: false,
          devicePixelRatio: print ? 2 : undefined,
          locale: f.locale,
          plugins: { legend: { display: false }, tooltip: { enabled: !print } },
          scales: {
            projection: { axis: 'x', projection: lambert93 },
            color: {
              axis: 'x',
              interpolate: shade,
              legend: { position: 'bottom-left', align: 'right' },
              ticks: { precision: 0 },
            },
          },
        } as never
      }
    />
  );
}
