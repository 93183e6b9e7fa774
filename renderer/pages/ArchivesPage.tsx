/**
 * Archives: the archive files with their seasons, size, counts, state and last verification;
 * attach, detach, verify; archive seasons into a new file or add them to an archive; regroup
 * archives into one file (progress, cancel); open an archive from elsewhere (read-only); back up
 * to a folder and restore from one (OpenArchivePanel, BackupsPanel: native choosers in the desktop
 * app). Says what detaching changes, and SQLite's limit of attached files with the two ways to keep
 * several seasons per file.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CallResult } from '../../shared/contract.js';
import type { ArchiveProgress, ArchiveVerification } from '../../shared/archives-types.js';
import { call, onEvent } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ArchiveRow } from '../components/archives/ArchiveRow.js';
import { ArchiveSeasonsPanel } from '../components/archives/ArchiveSeasonsPanel.js';
import { BackupsPanel } from '../components/archives/BackupsPanel.js';
import { MergeBar } from '../components/archives/MergeBar.js';
import { archivedNotice, mergedNotice } from '../components/archives/move-notices.js';
import { OpenArchivePanel } from '../components/archives/OpenArchivePanel.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';
import { mostMerged } from '../lib/archive-choices.js';
import { parentFolder } from '../lib/parent-folder.js';

export function ArchivesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const archives = useCall('archives.list', {});
  const seasons = useCall('seasons.list', {});
  const [error, setError] = useState<CallError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Where the last outcome is said: an archiving's or a regrouping's beside its own button (the
  // page may be scrolled far from the top), the others at the top.
  const [outcomeAt, setOutcomeAt] = useState<'top' | 'archive' | 'merge'>('top');
  const [busy, setBusy] = useState<number | 'archive' | 'merge' | 'open' | 'backup' | null>(null);
  const [verification, setVerification] = useState<ArchiveVerification | null>(null);
  const [ticked, setTicked] = useState<Set<number>>(new Set());
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);

  useEffect(() => onEvent((event) => event.type === 'archive.progress' && setProgress(event.progress)), []);

  const refresh = () => {
    archives.reload();
    seasons.reload();
  };
  /** Runs a call; shows its error, or `done`'s message, and refreshes the lists. True when it succeeded. */
  async function act<T>(key: typeof busy, run: () => Promise<CallResult<T>>, done?: (value: T) => string | null): Promise<boolean> {
    setBusy(key);
    setOutcomeAt(key === 'archive' || key === 'merge' ? key : 'top');
    setError(null);
    setMessage(null);
    const result = await run();
    setBusy(null);
    setProgress(null);
    if (!result.ok) setError(result.error);
    else if (done) setMessage(done(result.value));
    refresh();
    return result.ok;
  }

  const list = archives.value;
  const full = list !== null && list.attachedCount >= list.maxAttached;
  const archivedLabels = new Set(list?.files.flatMap((file) => file.seasons.map((s) => s.label)) ?? []);
  const archivable = (seasons.value ?? []).filter((s) => !archivedLabels.has(s.label));
  // Ticks of files that no longer exist (regrouped, replaced) fall away with the new list.
  const tickedFiles = list?.files.filter((file) => ticked.has(file.id)) ?? [];

  const archive = (chosen: string[], into: number | undefined) =>
    act('archive', () => call('archives.archive', into === undefined ? { seasons: chosen } : { seasons: chosen, into }), (r) => archivedNotice(t, f, chosen, r));
  const merge = () =>
    act('merge', () => call('archives.merge', { files: tickedFiles.map((file) => file.id) }), (r) => {
      setTicked(new Set());
      return mergedNotice(t, f, r);
    });

  /** A chooser's failure, said at the top like the other outcomes. */
  const showError = (failure: CallError) => {
    setOutcomeAt('top');
    setMessage(null);
    setError(failure);
  };
  // The archives folder is the data folder's « archives »: the folder typed paths must lie in.
  const dataFolder = list ? parentFolder(list.folder) : null;

  const outcome = (
    <>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {message && <p className="notice" role="status">{message}</p>}
    </>
  );

  return (
    <section className="archives-page">
      <header className="page-header">
        <h1>{t('archives.title')}</h1>
        {list && <span className="count" data-testid="attached-count">{t('archives.attachedCount', { count: list.attachedCount, max: list.maxAttached })}</span>}
      </header>
      <p className="lead">{t('archives.intro')}</p>
      <p className="warning" data-testid="detach-explained">{t('archives.detachExplained')}</p>
      {full ? <p className="warning" role="status">{t('archives.limitReached', { max: list.maxAttached })}</p> : <p className="muted">{t('archives.limitExplained', { max: list?.maxAttached ?? 10 })}</p>}
      {archives.error && <ErrorMessage error={archives.error} onRetry={refresh} />}
      {outcomeAt === 'top' && outcome}

      <div className="panel">
        {list && list.files.length === 0 && <p className="muted">{t('archives.none')}</p>}
        {list && list.files.length > 0 && (
          <>
            <div className="archive-files-scroll">
              <table className="dense archive-files">
                <thead>
                  <tr>
                    <th className="tick" title={t('archives.merge.columnTitle')}>
                      {t('archives.columns.merge')}
                    </th>
                    <th>{t('archives.columns.file')}</th>
                    <th>{t('archives.columns.seasons')}</th>
                    <th className="num">{t('archives.columns.size')}</th>
                    <th className="num">{t('archives.columns.rows')}</th>
                    <th>{t('archives.columns.state')}</th>
                    <th>{t('archives.columns.verified')}</th>
                    <th>{t('archives.columns.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.files.map((file) => (
                    <ArchiveRow
                      key={file.id}
                      file={file}
                      busy={busy === file.id}
                      attachDisabled={full || busy !== null}
                      attachTitle={full ? t('archives.attachFull', { max: list.maxAttached }) : undefined}
                      ticked={ticked.has(file.id)}
                      tickDisabled={busy !== null}
                      onTick={(on) => {
                        const next = new Set(ticked);
                        if (on) next.add(file.id);
                        else next.delete(file.id);
                        setTicked(next);
                      }}
                      onAttach={() => act(file.id, () => call('archives.attach', { id: file.id }))}
                      onDetach={() => act(file.id, () => call('archives.detach', { id: file.id }))}
                      onVerify={() =>
                        act(file.id, () => call('archives.verify', { id: file.id }), (v) => {
                          setVerification(v);
                          return null;
                        })
                      }
                    />
                  ))}
                </tbody>
              </table>
            </div>
            {list.files.length > 1 && (
              <MergeBar ticked={tickedFiles} most={mostMerged(list)} locked={busy !== null} running={busy === 'merge'} progress={progress} onMerge={() => void merge()} />
            )}
          </>
        )}
        {outcomeAt === 'merge' && outcome}
        {list && <p className="muted mono">{list.folder}</p>}
      </div>

      {verification && (
        <div className="panel" data-testid="verification">
          <header>
            <h2>{t('archives.verification', { name: verification.path })}</h2>
            <button type="button" className="quiet" onClick={() => setVerification(null)}>×</button>
          </header>
          <p className={verification.ok ? 'notice' : 'warning'}>{verification.ok ? t('archives.verificationOk') : t('archives.verificationBad')}</p>
          <ul className="checks">
            {verification.checks.map((check) => (
              <li key={check.label} className={check.ok ? 'ok' : 'bad'}>
                {check.ok ? '✓' : '✗'} {check.label}
                {check.detail ? <span className="muted"> — {check.detail}</span> : null}
              </li>
            ))}
          </ul>
        </div>
      )}

      {list && (
        <ArchiveSeasonsPanel list={list} archivable={archivable} locked={busy !== null} running={busy === 'archive'} progress={progress} onArchive={archive}>
          {outcomeAt === 'archive' && outcome}
        </ArchiveSeasonsPanel>
      )}

      <OpenArchivePanel locked={busy !== null} full={full} dataFolder={dataFolder} onOpen={(path) => act('open', () => call('archives.open', { path }))} onError={showError} />

      <BackupsPanel
        locked={busy !== null}
        dataFolder={dataFolder}
        onSave={(out) => void act('backup', () => call('backups.save', { out }), (r) => t('archives.saved', { folder: r.folder, count: r.manifest.files.length }))}
        onRestore={(folder) => void act('backup', () => call('backups.restore', { folder }), (r) => t('archives.restored', { folder: r.previousFilesBackup }))}
        onError={showError}
      />
    </section>
  );
}
