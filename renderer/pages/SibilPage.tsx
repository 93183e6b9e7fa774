/**
 * « Déclaration SIBIL »: choose a quarter (the one just ended by default), read the checks and
 * what to do about each, correct a show's domain, then export the CSV (or print, or JSON) and
 * mark the quarter as declared.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { declaredFields, type SibilDomain } from '../../shared/sibil.js';
import { sibilCsv, sibilFileName } from '../../shared/sibil-csv.js';
import { call } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { SibilChecks } from '../components/sibil/SibilChecks.js';
import { SibilTable } from '../components/sibil/SibilTable.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { downloadText } from '../lib/download.js';
import { defaultSibilQuarter, localToday } from '../lib/sibil-default.js';
import type { CallError } from '../../shared/contract.js';

export function SibilPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const quarters = useCall('sibil.quarters', {});
  const [chosen, setChosen] = useState<string | null>(null);
  const quarter = chosen ?? (quarters.value ? defaultSibilQuarter(quarters.value, localToday()) : null);
  const declaration = useCall('sibil.declaration', quarter ? { quarter } : null);
  const [failure, setFailure] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: CallError }>, done?: string) => {
    setFailure(null);
    setNotice(null);
    const result = await run();
    if (!result.ok) return setFailure(result.error);
    if (done) setNotice(done);
    declaration.reload();
    quarters.reload();
  };
  const setDomain = (showId: number, domain: SibilDomain | null) => void act(() => call('sibil.setDomain', { showId, domain }));
  const value = declaration.value;
  const fileName = value ? sibilFileName(value.quarter) : '';
  const exportCsv = () => value && downloadText(sibilCsv(value.lines), fileName);
  const exportJson = () =>
    value && downloadText(`${JSON.stringify(value.lines.map(declaredFields), null, 2)}\n`, fileName.replace(/\.csv$/, '.json'), 'application/json');
  const markDeclared = () =>
    value && void act(() => call('sibil.markDeclared', { quarter: value.quarter, file: fileName }), t('sibil.markedNotice', { quarter: value.quarter }));

  return (
    <section className="sibil-page">
      <header className="page-header">
        <h1>{t('sibil.title')}</h1>
        {value && (
          <span className={value.declared ? 'notice' : localToday() >= value.deadline ? 'error-text' : 'muted'} data-testid="sibil-status">
            {value.declared
              ? value.declared.file
                ? t('sibil.declaredWith', { date: f.dateTime(value.declared.at), file: value.declared.file })
                : t('sibil.declared', { date: f.dateTime(value.declared.at) })
              : localToday() >= value.deadline
                ? t('sibil.deadlinePassed', { date: f.date(value.deadline) })
                : t('sibil.deadline', { date: f.date(value.deadline) })}
          </span>
        )}
      </header>
      <p className="muted intro">{t('sibil.intro')}</p>
      {quarters.error && <ErrorMessage error={quarters.error} onRetry={quarters.reload} />}
      {quarters.value && quarters.value.length === 0 && <p className="empty">{t('sibil.noData')}</p>}
      {quarter && quarters.value && (
        <div className="toolbar">
          <label>
            {t('sibil.quarter')}{' '}
            <select value={quarter} onChange={(event) => setChosen(event.target.value)} data-testid="sibil-quarter">
              {[...quarters.value].reverse().map((q) => (
                <option key={q.quarter} value={q.quarter}>
                  {t(q.declaredAt ? 'sibil.quarterDeclared' : 'sibil.quarterOption', { quarter: q.quarter, count: q.performances, formatted: f.number(q.performances) })}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={exportCsv} disabled={!value?.lines.length}>
            {t('sibil.export')}
          </button>
          <button type="button" className="quiet" onClick={exportJson} disabled={!value?.lines.length}>
            {t('sibil.exportJson')}
          </button>
          <button type="button" className="quiet" onClick={() => window.print()} disabled={!value?.lines.length}>
            {t('sibil.print')}
          </button>
          <button type="button" onClick={markDeclared} disabled={!value?.lines.length}>
            {t(value?.declared ? 'sibil.markAgain' : 'sibil.markDeclared')}
          </button>
        </div>
      )}
      {notice && <p className="notice" role="status">{notice}</p>}
      {failure && <ErrorMessage error={failure} onDismiss={() => setFailure(null)} />}
      {declaration.error && <ErrorMessage error={declaration.error} onRetry={declaration.reload} />}
      {value && (
        <>
          <h2 className="print-only">{t('sibil.title')} — {value.quarter}</h2>
          <SibilChecks checks={value.checks} />
          {value.lines.length === 0 ? <p className="empty">{t('sibil.none')}</p> : <SibilTable lines={value.lines} onDomain={setDomain} />}
        </>
      )}
    </section>
  );
}
