/**
 * « Qui a vu X a aussi vu… »: ranked by lift, with the counts behind each figure; each line
 * opens the segment « a vu X, pas encore Y » in the builder.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AffinityKind } from '../../shared/segments-types.js';
import { AFFINITY_KINDS } from '../../shared/segments-types.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { handToBuilder } from '../components/segments/draft.js';
import { SegmentTabs } from '../components/segments/SegmentTabs.js';
import '../components/segments/segments.css';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { navigate } from '../hooks/useHashRoute.js';

export function SegmentsAffinitiesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const options = useCall('segments.options', {});
  const [kind, setKind] = useState<AffinityKind>('show');
  const [value, setValue] = useState('');
  const [minTogether, setMinTogether] = useState(10);
  const result = useCall('segments.affinities', value ? { kind, value, minTogether } : null);
  const choices = kind === 'show' ? options.value?.shows : kind === 'company' ? options.value?.companies : options.value?.disciplines;
  const c = (key: string) => t(`segments.affinities.columns.${key}`);
  const open = (other: string) => {
    handToBuilder({ and: [{ field: kind, values: [value] }, { not: { field: kind, values: [other] } }] }, `${value} → ${other}`);
    navigate({ page: 'segments', tab: 'builder' });
  };
  return (
    <section className="segments-screen">
      <header className="page-header">
        <h1>{t('segments.title')}</h1>
      </header>
      <SegmentTabs current="affinities" />
      <section className="panel">
        <h2>{t('segments.affinities.title')}</h2>
        <p className="muted">{t('segments.affinities.hint')}</p>
        <div className="toolbar">
          <select aria-label={t('segments.affinities.kind')} value={kind} onChange={(e) => (setKind(e.target.value as AffinityKind), setValue(''))}>
            {AFFINITY_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`segments.affinities.kinds.${k}`)}
              </option>
            ))}
          </select>
          <select aria-label={t('segments.affinities.value')} value={value} onChange={(e) => setValue(e.target.value)} data-testid="affinity-value">
            <option value="">{t('segments.builder.pick')}</option>
            {choices?.map((v) => (
              <option key={v} value={v}>
                {v}
              </option>
            ))}
          </select>
          <label>
            {t('segments.affinities.minTogether')}{' '}
            <input type="number" className="number" min={1} value={minTogether} onChange={(e) => setMinTogether(Math.max(1, Number(e.target.value) || 1))} />
          </label>
        </div>
      </section>
      {result.error && <ErrorMessage error={result.error} />}
      {result.value && (
        <section className="panel">
          <p>{t('segments.affinities.base', { count: result.value.base, formatted: f.number(result.value.base), value: result.value.value, spectators: f.number(result.value.spectators) })}</p>
          {result.value.rows.length === 0 ? (
            <p className="muted">{t('segments.affinities.none')}</p>
          ) : (
            <table className="dense affinities" data-testid="affinities">
              <thead>
                <tr>
                  <th>{c('value')}</th>
                  <th className="num">{c('together')}</th>
                  <th className="num">{c('audience')}</th>
                  <th className="num">{c('share')}</th>
                  <th className="num">{c('lift')}</th>
                  <th />
                </tr>
              </thead>
              <tbody>
                {result.value.rows.map((r) => (
                  <tr key={r.value}>
                    <td>
                      {r.value} {r.coming && <span className="chip">{t('segments.affinities.coming')}</span>}
                    </td>
                    <td className="num">{f.number(r.together)}</td>
                    <td className="num">{f.number(r.audience)}</td>
                    <td className="num">{f.percent(r.together / result.value!.base)}</td>
                    <td
                      className="num strong"
                      title={t('segments.affinities.liftFormula', {
                        together: f.number(r.together),
                        base: f.number(result.value!.base),
                        audience: f.number(r.audience),
                        spectators: f.number(result.value!.spectators),
                      })}
                    >
                      × {f.number(r.lift, 2)}
                    </td>
                    <td>
                      <button type="button" className="quiet link" onClick={() => open(r.value)}>
                        {t('segments.affinities.open')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </section>
  );
}
