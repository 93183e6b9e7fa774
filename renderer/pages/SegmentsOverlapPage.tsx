/** Overlap of two to four saved segments or shows. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { OverlapView } from '../components/segments/OverlapView.js';
import { SegmentTabs } from '../components/segments/SegmentTabs.js';
import '../components/segments/segments.css';
import { useCall } from '../hooks/useCall.js';

type Pick = { kind: 'segment' | 'show'; value: string };

export function SegmentsOverlapPage() {
  const { t } = useTranslation();
  const segments = useCall('segments.list', {});
  const options = useCall('segments.options', {});
  const [picks, setPicks] = useState<Pick[]>([
    { kind: 'show', value: '' },
    { kind: 'show', value: '' },
  ]);
  const [asked, setAsked] = useState<Pick[] | null>(null);
  const sets = asked?.map((p) => (p.kind === 'segment' ? { segmentId: Number(p.value) } : { show: p.value }));
  const result = useCall('segments.overlap', sets ? { sets } : null);
  const complete = picks.length >= 2 && picks.every((p) => p.value !== '');
  const update = (i: number, patch: Partial<Pick>) => setPicks(picks.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  return (
    <section className="segments-screen">
      <header className="page-header">
        <h1>{t('segments.title')}</h1>
      </header>
      <SegmentTabs current="overlap" />
      <section className="panel">
        <h2>{t('segments.overlap.title')}</h2>
        <p className="muted">{t('segments.overlap.hint')}</p>
        {picks.map((p, i) => (
          <div className="toolbar" key={i}>
            <select aria-label={`${t('segments.overlap.segment')} ${i + 1}`} value={p.kind} onChange={(e) => update(i, { kind: e.target.value as Pick['kind'], value: '' })}>
              <option value="show">{t('segments.overlap.show')}</option>
              <option value="segment">{t('segments.overlap.segment')}</option>
            </select>
            <select aria-label={`${t('segments.overlap.show')} ${i + 1}`} value={p.value} onChange={(e) => update(i, { value: e.target.value })} data-testid={`overlap-pick-${i}`}>
              <option value="">{t('segments.builder.pick')}</option>
              {p.kind === 'show'
                ? options.value?.shows.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))
                : segments.value?.map((s) => (
                    <option key={s.id} value={String(s.id)}>
                      {s.name}
                    </option>
                  ))}
            </select>
            {picks.length > 2 && (
              <button type="button" className="quiet" onClick={() => setPicks(picks.filter((_, j) => j !== i))} aria-label={t('segments.builder.removeRule')}>
                ×
              </button>
            )}
          </div>
        ))}
        <div className="toolbar">
          <button type="button" disabled={picks.length >= 4} onClick={() => setPicks([...picks, { kind: 'show', value: '' }])}>
            {t('segments.overlap.add')}
          </button>
          <button type="button" className="primary" disabled={!complete} onClick={() => setAsked(picks)}>
            {t('segments.overlap.run')}
          </button>
          {!complete && <span className="muted">{t('segments.overlap.pickTwo')}</span>}
        </div>
      </section>
      {result.error && <ErrorMessage error={result.error} />}
      {result.value && (
        <section className="panel">
          <OverlapView result={result.value} />
        </section>
      )}
    </section>
  );
}
