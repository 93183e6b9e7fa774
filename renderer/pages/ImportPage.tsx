/**
 * The import wizard: files → detection and mapping → dry run → import with progress and Cancel →
 * summary and rejects. Each step only calls the engine; nothing is written before « Lancer ».
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';
import type { ImportSummary } from '../../shared/types.js';
import { call, chooseFilesNatively, fileToPath } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FilePicker } from '../components/FilePicker.js';
import { FileReview } from '../components/FileReview.js';
import { ImportProgressPanel } from '../components/ImportProgressPanel.js';
import { ImportSummaryView } from '../components/ImportSummaryView.js';
import { RejectsPanel } from '../components/RejectsPanel.js';
import { Steps, type ImportStep } from '../components/Steps.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { forgetCurrency } from '../hooks/useCurrency.js';
import { navigate, routeHref } from '../hooks/useHashRoute.js';
import { useImportProgress } from '../hooks/useImportProgress.js';
import { draftOf, missingRequired, needsAmountChoice, runInput, type FileDraft } from '../lib/import-draft.js';

export function ImportPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [step, setStep] = useState<ImportStep>('choose');
  const [drafts, setDrafts] = useState<FileDraft[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [checked, setChecked] = useState<ImportSummary | null>(null);
  const [result, setResult] = useState<ImportSummary | null>(null);
  const [cancelling, setCancelling] = useState(false);
  const presets = useCall('presets.list', {});
  const progress = useImportProgress(step === 'run');

  const fail = (callError: CallError) => {
    setBusy(null);
    setError(callError);
  };

  const inspect = async (paths: string[], names: string[]) => {
    setBusy(t('import.inspecting'));
    const inspected = await call('imports.inspect', { paths, names });
    if (!inspected.ok) return fail(inspected.error);
    setBusy(null);
    setDrafts(inspected.value.files.map(draftOf));
    setChecked(null);
    setStep('review');
  };

  const takeFiles = async (files: File[]) => {
    setError(null);
    setNotice(null);
    const paths: string[] = [];
    const names: string[] = [];
    for (const file of files) {
      setBusy(t('import.uploading', { name: file.name }));
      const uploaded = await fileToPath(file);
      if (!uploaded.ok) return fail(uploaded.error);
      paths.push(uploaded.value.path);
      names.push(file.name);
    }
    await inspect(paths, names);
  };

  const pickNatively = async () => {
    setError(null);
    const picked = await chooseFilesNatively();
    if (!picked.ok) return fail(picked.error);
    if (picked.value.length) await inspect(picked.value, picked.value.map((path) => path.split(/[\\/]/).pop() ?? path));
  };

  const dryRun = async () => {
    setError(null);
    setBusy(t('import.dryRunning'));
    const summary = await call('imports.run', { files: drafts.map(runInput), dryRun: true });
    if (!summary.ok) return fail(summary.error);
    setBusy(null);
    setChecked(summary.value);
    setStep('dryRun');
  };

  const run = async () => {
    setError(null);
    setNotice(null);
    setCancelling(false);
    setStep('run');
    const summary = await call('imports.run', { files: drafts.map(runInput) });
    if (summary.ok) {
      // The import may have set the database's currency.
      forgetCurrency();
      setResult(summary.value);
      setStep('result');
    } else {
      setStep('dryRun');
      if (summary.error.code === 'CANCELLED') setNotice(t('import.cancelled'));
      else setError(summary.error);
    }
  };

  const cancel = async () => {
    setCancelling(true);
    await call('imports.cancel', {});
  };

  const restart = () => {
    setDrafts([]);
    setChecked(null);
    setResult(null);
    setNotice(null);
    setError(null);
    setStep('choose');
  };

  const blocked = drafts.some((draft) => missingRequired(draft).length > 0 || needsAmountChoice(draft));

  return (
    <section className="import-page">
      <header className="page-header">
        <h1>{t('import.title')}</h1>
        <a href={routeHref({ page: 'tariffs' })}>{t('tariffs.title')}</a>
      </header>
      <Steps current={step} skipped={checked ? [] : ['dryRun']} />
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {notice && (
        <p className="notice" role="status">
          {notice}
        </p>
      )}
      {busy && (
        <p className="busy" role="status">
          {busy}
        </p>
      )}

      {step === 'choose' && <FilePicker onFiles={(files) => void takeFiles(files)} onNativePick={() => void pickNatively()} disabled={busy !== null} />}

      {(step === 'review' || step === 'dryRun') && (
        <>
          {step === 'dryRun' && checked && (
            <section className="panel highlight" aria-labelledby="dry-run-title">
              <h2 id="dry-run-title">{t('import.dryRunTitle')}</h2>
              <p className="muted">{t('import.dryRunNote')}</p>
              <ImportSummaryView summary={checked} />
            </section>
          )}
          {step === 'dryRun' && checked && checked.rejected > 0 && <RejectsPanel importId={null} fallback={checked.rejects} />}
          <div className="toolbar sticky">
            <button type="button" className="quiet" onClick={restart} disabled={busy !== null}>
              {t('import.back')}
            </button>
            <button type="button" onClick={() => void dryRun()} disabled={blocked || busy !== null}>
              {t('import.dryRun')}
            </button>
            <button type="button" className="primary" onClick={() => void run()} disabled={blocked || busy !== null}>
              {t('import.start')}
            </button>
          </div>
          {drafts.map((draft, index) => (
            <FileReview
              key={draft.inspection.path}
              draft={draft}
              presets={presets.value ?? []}
              onPresetsChanged={presets.reload}
              onChange={(next) => {
                setDrafts((all) => all.map((d, i) => (i === index ? next : d)));
                // A changed mapping makes the last check stale: check again before importing.
                setChecked(null);
                setStep('review');
              }}
            />
          ))}
        </>
      )}

      {step === 'run' && (
        <section className="panel">
          <h2>{t('import.running')}</h2>
          <ImportProgressPanel progress={progress} label={t('import.running')} />
          <button type="button" className="danger" onClick={() => void cancel()} disabled={cancelling}>
            {cancelling ? t('import.cancelling') : t('import.cancel')}
          </button>
        </section>
      )}

      {step === 'result' && result && (
        <>
          <section className="panel highlight">
            <h2>{t('import.resultTitle')}</h2>
            <p className="muted">{t('import.resultLead', { count: result.linesRead, lines: f.number(result.linesRead), seconds: f.number(result.durationMs / 1000, 1) })}</p>
            <ImportSummaryView summary={result} />
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => navigate({ page: 'customers' })}>
                {t('import.seeCustomers')}
              </button>
              <button type="button" onClick={restart}>
                {t('import.restart')}
              </button>
              <a href={routeHref({ page: 'tariffs' })}>{t('tariffs.checkAfterImport')}</a>
            </div>
          </section>
          <RejectsPanel importId={result.importId} fallback={result.rejects} />
        </>
      )}
    </section>
  );
}
