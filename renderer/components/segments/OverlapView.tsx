/**
 * The overlap of 2–4 sets: for 2 or 3, a Venn diagram with each region's count; always, the
 * regions as rows (which sets, how many customers, a bar), as an UpSet plot lays them out.
 */
import { useTranslation } from 'react-i18next';
import type { OverlapResult } from '../../../shared/segments-types.js';
import { useFormat } from '../../hooks/useFormat.js';

const COLOURS = ['#8c2f39', '#2f6f8c', '#c98a1b', '#4d7c3a'];

/** Circle centres and label spots for 2 and 3 sets (viewBox 0 0 400 300, radius 95). */
const LAYOUT: Record<number, { centres: [number, number][]; spots: Record<number, [number, number]> }> = {
  2: {
    centres: [
      [150, 150],
      [250, 150],
    ],
    spots: { 1: [110, 150], 2: [290, 150], 3: [200, 150] },
  },
  3: {
    centres: [
      [160, 115],
      [240, 115],
      [200, 185],
    ],
    spots: { 1: [120, 95], 2: [280, 95], 4: [200, 235], 3: [200, 90], 5: [160, 170], 6: [240, 170], 7: [200, 140] },
  },
};

export function OverlapView({ result }: { result: OverlapResult }) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = result.labels.length;
  const count = (mask: number) => result.regions.find((r) => r.mask === mask)?.count ?? 0;
  const union = result.regions.reduce((sum, r) => sum + r.count, 0);
  const top = Math.max(1, ...result.regions.map((r) => r.count));
  const layout = LAYOUT[n];
  const regions = [...result.regions].sort((a, b) => b.count - a.count);
  return (
    <div className="overlap" data-testid="overlap">
      <ul className="overlap-legend">
        {result.labels.map((label, i) => (
          <li key={i}>
            <span className="swatch" style={{ background: COLOURS[i] }} /> {label} — {t('segments.overlap.size', { formatted: f.number(result.sizes[i]) })}
          </li>
        ))}
        <li className="muted">{t('segments.overlap.total', { formatted: f.number(union) })}</li>
      </ul>
      <div className="overlap-body">
        {layout && (
          <svg viewBox="0 0 400 300" className="venn" role="img" aria-label={result.labels.join(' / ')}>
            {layout.centres.map(([x, y], i) => (
              <circle key={i} cx={x} cy={y} r={95} fill={COLOURS[i]} fillOpacity={0.22} stroke={COLOURS[i]} strokeWidth={2} />
            ))}
            {Object.entries(layout.spots).map(([mask, [x, y]]) => (
              <text key={mask} x={x} y={y} textAnchor="middle" dominantBaseline="middle" className="venn-count">
                {f.number(count(Number(mask)))}
              </text>
            ))}
          </svg>
        )}
        <table className="dense upset">
          <thead>
            <tr>
              {result.labels.map((label, i) => (
                <th key={i} title={label} className="dot-col">
                  <span className="swatch" style={{ background: COLOURS[i] }} />
                </th>
              ))}
              <th className="num">{t('segments.overlap.region')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {regions.map((r) => (
              <tr key={r.mask}>
                {result.labels.map((_, i) => (
                  <td key={i} className="dot-col">
                    <span className={r.mask & (1 << i) ? 'dot on' : 'dot'} style={r.mask & (1 << i) ? { background: COLOURS[i] } : undefined} />
                  </td>
                ))}
                <td className="num">{f.number(r.count)}</td>
                <td className="bar-cell">
                  <span className="bar" style={{ width: `${(100 * r.count) / top}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
