/**
 * Segments: the saved and ready-made segments, the builder with its live count and sample, the
 * waterfall, the export. Save, rename (edit the name and save), duplicate, delete; open the
 * segment's customers in the customer list.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RuleGroupType } from 'react-querybuilder';
import type { CallError } from '../../shared/contract.js';
import type { Criteria } from '../../shared/segments-criteria.js';
import type { SegmentOptions, SegmentRecord } from '../../shared/segments-types.js';
import { call } from '../api.js';
import { CustomerRow } from '../components/CustomerRow.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { OptionsContext } from '../components/segments/CriterionEditor.js';
import { criteriaToQuery, validCriteria } from '../components/segments/criteria-tree.js';
import { describeCriteria } from '../components/segments/describe.js';
import { takeDraft } from '../components/segments/draft.js';
import { ExportPanel } from '../components/segments/ExportPanel.js';
import { SegmentBuilder } from '../components/segments/SegmentBuilder.js';
import { SegmentTabs } from '../components/segments/SegmentTabs.js';
import { Waterfall } from '../components/segments/Waterfall.js';
import '../components/segments/segments.css';
import { useCall } from '../hooks/useCall.js';
import { useDebounced } from '../hooks/useDebounced.js';
import { useFormat } from '../hooks/useFormat.js';
import { navigate } from '../hooks/useHashRoute.js';

const EMPTY: Criteria = { and: [{ field: 'discipline', values: [] } as unknown as Criteria] };

export function SegmentsPage({ id }: { id?: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const list = useCall('segments.list', {});
  const ready = useCall('segments.ready', {});
  const options = useCall('segments.options', {});
  const [current, setCurrent] = useState<SegmentRecord | null>(null);
  const [name, setName] = useState('');
  const [query, setQuery] = useState<RuleGroupType>(() => criteriaToQuery(EMPTY));
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const open = (criteria: Criteria, segment: SegmentRecord | null, label: string) => {
    setCurrent(segment);
    setName(label);
    setQuery(criteriaToQuery(criteria));
    setMessage(null);
    setError(null);
  };

  // A segment named in the address, or a tree handed over by the affinities screen.
  useEffect(() => {
    const draft = takeDraft();
    if (draft) return open(draft.criteria, null, draft.name);
    if (id === undefined) return;
    void call('segments.get', { id }).then((r) => (r.ok ? open(r.value.criteria, r.value, r.value.name) : setError(r.error)));
  }, [id]);

  const criteria = useMemo(() => validCriteria(query), [query]);
  const settled = useDebounced(criteria ? JSON.stringify(criteria) : null, 300);
  const input = settled ? (JSON.parse(settled) as Criteria) : null;
  const count = useCall('segments.count', input ? { criteria: input, sample: 8 } : null);
  const steps = useCall('segments.waterfall', input ? { criteria: input } : null);

  const save = async (asNew: boolean) => {
    if (!criteria) return;
    const finalName = name.trim() || t('segments.untitled');
    const answer = await call('segments.save', { ...(current && !asNew ? { id: current.id } : {}), name: finalName, criteria });
    if (!answer.ok) return setError(answer.error);
    setError(null);
    setCurrent(answer.value);
    setName(answer.value.name);
    setMessage(t('segments.saved_ok', { name: answer.value.name }));
    list.reload();
  };
  const duplicate = async () => {
    if (!current) return;
    const answer = await call('segments.duplicate', { id: current.id });
    if (!answer.ok) return setError(answer.error);
    open(answer.value.criteria, answer.value, answer.value.name);
    list.reload();
  };
  const remove = async () => {
    if (!current || !window.confirm(t('segments.confirmDelete', { name: current.name }))) return;
    const answer = await call('segments.delete', { id: current.id });
    if (!answer.ok) return setError(answer.error);
    open(EMPTY, null, '');
    list.reload();
  };
  // The saved version is exported (and logged) under its name only when nothing changed since.
  const unchanged = current !== null && criteria !== null && JSON.stringify(criteria) === JSON.stringify(current.criteria);

  return (
    <section className="segments-screen">
      <header className="page-header">
        <h1>{t('segments.title')}</h1>
      </header>
      <SegmentTabs current="builder" />
      <div className="segments-layout">
        <aside className="segments-side">
          <section className="panel">
            <h2>{t('segments.saved')}</h2>
            <button type="button" onClick={() => open(EMPTY, null, '')}>
              {t('segments.new')}
            </button>
            {list.value?.length === 0 && <p className="muted">{t('segments.noneSaved')}</p>}
            <ul className="segment-list" data-testid="saved-segments">
              {list.value?.map((s) => (
                <li key={s.id}>
                  <button type="button" className={current?.id === s.id ? 'quiet active' : 'quiet'} onClick={() => open(s.criteria, s, s.name)}>
                    {s.name}
                  </button>
                </li>
              ))}
            </ul>
          </section>
          <section className="panel">
            <h2>{t('segments.ready')}</h2>
            <p className="muted small">{t('segments.readyHint')}</p>
            <ul className="segment-list ready">
              {ready.value?.map((r) => (
                <li key={r.key}>
                  <button type="button" className="quiet" onClick={() => open(r.criteria, null, t(`segments.readyNames.${r.key}`))}>
                    {t(`segments.readyNames.${r.key}`)}
                  </button>
                  {!r.incomplete && <small className="muted definition">{describeCriteria(r.criteria, t, f)}</small>}
                </li>
              ))}
            </ul>
          </section>
        </aside>
        <div className="segments-main">
          <section className="panel">
            <div className="toolbar">
              <input aria-label={t('segments.name')} placeholder={t('segments.name')} value={name} onChange={(e) => setName(e.target.value)} className="segment-name" />
              <button type="button" className="primary" disabled={!criteria} onClick={() => void save(false)}>
                {t('segments.save')}
              </button>
              {current && (
                <>
                  <button type="button" disabled={!criteria} onClick={() => void save(true)}>
                    {t('segments.saveAs')}
                  </button>
                  <button type="button" onClick={() => void duplicate()}>
                    {t('segments.duplicate')}
                  </button>
                  <button type="button" className="danger" onClick={() => void remove()}>
                    {t('segments.delete')}
                  </button>
                  <button type="button" disabled={!unchanged} onClick={() => navigate({ page: 'customers', segmentId: current.id })}>
                    {t('segments.openList')}
                  </button>
                </>
              )}
            </div>
            {message && <p className="notice">{message}</p>}
            {error && <ErrorMessage error={error} />}
            <OptionsContext.Provider value={options.value as SegmentOptions | null}>
              <SegmentBuilder query={query} onChange={setQuery} />
            </OptionsContext.Provider>
            <p className="segment-count" aria-live="polite" data-testid="segment-count" title={t('segments.countFormula')}>
              {!criteria
                ? t('segments.incomplete')
                : count.value
                  ? t('segments.countOf', { count: count.value.count, formatted: f.number(count.value.count), total: f.number(count.value.total) })
                  : t('segments.counting')}
            </p>
            {count.error && <ErrorMessage error={count.error} />}
          </section>
          {criteria && steps.value && (
            <section className="panel">
              <h2>{t('segments.waterfall')}</h2>
              <p className="muted small">{t('segments.waterfallHint')}</p>
              <Waterfall steps={steps.value} />
            </section>
          )}
          {criteria && count.value && (
            <section className="panel sample-panel">
              <h2>{t('segments.sample')}</h2>
              {count.value.sample.length === 0 ? (
                <p className="muted">{t('segments.sampleEmpty')}</p>
              ) : (
                <div className="customer-table">
                  {count.value.sample.map((c) => (
                    <CustomerRow key={c.id} customer={c} />
                  ))}
                </div>
              )}
            </section>
          )}
          <ExportPanel segmentId={unchanged ? current!.id : null} criteria={criteria} />
        </div>
      </div>
    </section>
  );
}
