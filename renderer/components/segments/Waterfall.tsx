/** « 12 430 clients → 3 210 ont vu de la danse → … »: one bar per criterion, as wide as what it keeps. */
import { useTranslation } from 'react-i18next';
import type { WaterfallStep } from '../../../shared/segments-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { describeCriteria } from './describe.js';

export function Waterfall({ steps }: { steps: WaterfallStep[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const top = Math.max(1, steps[0]?.count ?? 1);
  return (
    <ol className="waterfall" data-testid="waterfall">
      {steps.map((step, i) => {
        const previous = i > 0 ? steps[i - 1].count : null;
        const kept = previous ? step.count / previous : null;
        return (
          <li key={i}>
            <span className="label">{step.criterion ? describeCriteria(step.criterion, t, f) : t('segments.everyone')}</span>
            <span className="bar-track">
              <span className="bar" style={{ width: `${(100 * step.count) / top}%` }} />
            </span>
            <span className="num figure" title={previous !== null ? `${f.number(step.count)} / ${f.number(previous)}` : undefined}>
              {f.number(step.count)}
              {kept !== null && <small className="muted"> ({f.percent(kept, 0)})</small>}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
