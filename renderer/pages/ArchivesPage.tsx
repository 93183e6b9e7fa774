/**
 * Archives: the archive files with their seasons, size, counts, state and last verification;
 * attach, detach, verify; archive seasons (progress, cancel); open an archive from elsewhere
 * (read-only); back up to a folder and restore from one. Says what detaching changes, and
 * SQLite's limit of attached files.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../shared/contract.js';
import type { ArchiveFileInfo, ArchiveProgress, ArchiveVerification } from '../../shared/archives-types.js';
import { call, chooseFilesNatively, onEvent, transportKind } from '../api.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { ProgressBar } from '../components/ProgressBar.js';
import { useCall } from '../hooks/useCall.js';
import { useFormat } from '../hooks/useFormat.js';

export function ArchivesPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const archives = useCall('archives.list', {});
  const seasons = useCall('seasons.list', {});
  const [error, setError] = useState<CallError | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState<number | 'archive' | 'open' | 'backup' | null>(null);
  const [verification, setVerification] = useState<ArchiveVerification | null>(null);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [progress, setProgress] = useState<ArchiveProgress | null>(null);
  const [openPath, setOpenPath] = useState('');
  const [saveFolder, setSaveFolder] = useState('');
  const [restoreFolder, setRestoreFolder] = useState('');

  useEffect(() => onEvent((event) => event.type === 'archive.progress' && setProgress(event.progress)), []);

  const refresh = () => {
    archives.reload();
    seasons.reload();
  };
  /** Runs a call; shows its error, or `done`'s message, and refreshes the lists. */
  async function act<T>(key: typeof busy, run: () => Promise<{ ok: true; value: T } | { ok: false; error: CallError }>, done?: (value: T) => string | null) {
    setBusy(key);
    setError(null);
    setMessage(null);
    const result = await run();
    setBusy(null);
    setProgress(null);
    if (!result.ok) setError(result.error);
    else if (done) setMessage(done(result.value));
    refresh();
  }

  const list = archives.value;
  const full = list !== null && list.attachedCount >= list.maxAttached;
  const archivedLabels = new Set(list?.files.flatMap((file) => file.seasons.map((s) => s.label)) ?? []);
  const archivable = (seasons.value ?? []).filter((s) => !archivedLabels.has(s.label));

  const archive = () =>
    act('archive', () => call('archives.archive', { seasons: [...chosen] }), (r) => {
      setChosen(new Set());
      return t('archives.archived', { seasons: r.file.seasons.map((s) => s.label).join(', '), name: r.file.name, tickets: f.number(r.moved.tickets) });
    });

  async function openArchive(event: FormEvent) {
    event.preventDefault();
    let path = openPath.trim();
    if (transportKind === 'electron' && !path) {
      const chosenFiles = await chooseFilesNatively();
      if (!chosenFiles.ok) return setError(chosenFiles.error);
      path = chosenFiles.value[0] ?? '';
    }
    if (!path) return;
    await act('open', () => call('archives.open', { path }));
    setOpenPath('');
  }

  return (
    <section className="archives-page">
      <header className="page-header">
        <h1>{t('archives.title')}</h1>
        {list && <span className="count" data-testid="attached-count">{t('archives.attachedCount', { attached: list.attachedCount, max: list.maxAttached })}</span>}
      </header>
      <p className="lead">{t('archives.intro')}</p>
      <p className="warning" data-testid="detach-explained">{t('archives.detachExplained')}</p>
      {full ? <p className="warning" role="status">{t('archives.limitReached', { max: list.maxAttached })}</p> : <p className="muted">{t('archives.limitExplained', { max: list?.maxAttached ?? 10 })}</p>}
      {archives.error && <ErrorMessage error={archives.error} onRetry={refresh} />}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {message && <p className="notice" role="status">{message}</p>}

      <div className="panel">
        {list && list.files.length === 0 && <p className="muted">{t('archives.none')}</p>}
        {list && list.files.length > 0 && (
          <table className="dense archive-files">
            <thead>
              <tr>
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
        )}
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

      <div className="panel">
        <h2>{t('archives.archiveTitle')}</h2>
        <p className="muted">{t('archives.archiveHelp')}</p>
        {archivable.length === 0 ? (
          <p className="muted">{t('archives.noSeason')}</p>
        ) : (
          <div className="toolbar">
            {archivable.map((season) => (
              <label key={season.label} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(season.label)}
                  disabled={busy !== null}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(season.label);
                    else next.delete(season.label);
                    setChosen(next);
                  }}
                />
                {season.label} <span className="muted">({f.number(season.tickets)})</span>
              </label>
            ))}
            <button type="button" className="primary" disabled={chosen.size === 0 || busy !== null || full} onClick={() => void archive()}>
              {t('archives.archiveButton', { count: chosen.size })}
            </button>
          </div>
        )}
        {busy === 'archive' && (
          <div>
            <p className="busy">
              {t('archives.archiving')} {progress ? t(`archives.phase.${progress.phase}`) : ''}
            </p>
            <ProgressBar percent={progress?.percent ?? 0} label={t('archives.archiving')} />
            <button type="button" onClick={() => void call('archives.cancel', {})}>
              {t('archives.cancel')}
            </button>
          </div>
        )}
      </div>

      <div className="panel">
        <h2>{t('archives.openTitle')}</h2>
        <p className="muted">{t('archives.openHelp')}</p>
        <form className="toolbar" onSubmit={(event) => void openArchive(event)}>
          <input aria-label={t('archives.pathLabel')} placeholder={t('archives.pathLabel')} value={openPath} onChange={(e) => setOpenPath(e.target.value)} size={60} />
          <button type="submit" disabled={busy !== null || full}>
            {t('archives.open')}
          </button>
        </form>
      </div>

      <div className="panel">
        <h2>{t('archives.backupsTitle')}</h2>
        <p className="muted">{t('archives.backupsHelp')}</p>
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            void act('backup', () => call('backups.save', { out: saveFolder.trim() }), (r) => t('archives.saved', { folder: r.folder, count: r.manifest.files.length }));
          }}
        >
          <input aria-label={t('archives.folderLabel')} placeholder={t('archives.folderLabel')} value={saveFolder} onChange={(e) => setSaveFolder(e.target.value)} size={48} />
          <button type="submit" disabled={!saveFolder.trim() || busy !== null}>
            {t('archives.saveTo')}
          </button>
        </form>
        <form
          className="toolbar"
          onSubmit={(event) => {
            event.preventDefault();
            if (!window.confirm(t('archives.restoreConfirm'))) return;
            void act('backup', () => call('backups.restore', { folder: restoreFolder.trim() }), (r) => t('archives.restored', { folder: r.previousFilesBackup }));
          }}
        >
          <input aria-label={t('archives.restoreLabel')} placeholder={t('archives.restoreLabel')} value={restoreFolder} onChange={(e) => setRestoreFolder(e.target.value)} size={48} />
          <button type="submit" className="danger" disabled={!restoreFolder.trim() || busy !== null}>
            {t('archives.restore')}
          </button>
        </form>
      </div>
    </section>
  );
}

function ArchiveRow(props: {
  file: ArchiveFileInfo;
  busy: boolean;
  attachDisabled: boolean;
  onAttach: () => void;
  onDetach: () => void;
  onVerify: () => void;
}) {
  const { file } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const sum = (key: 'tickets' | 'orders' | 'performances') => file.seasons.reduce((total, s) => total + s[key], 0);
  const state = file.problem ?? (file.attached ? t('archives.state.attached') : t('archives.state.detached'));
  return (
    <tr data-testid="archive-row">
      <td>
        <strong>{file.name}</strong>
        {file.readOnly && <span className="chip">{t('archives.state.readOnly')}</span>}
      </td>
      <td>{file.seasons.map((s) => s.label).join(', ')}</td>
      <td className="num">{file.sizeBytes === null ? t('archives.state.missing') : f.bytes(file.sizeBytes)}</td>
      <td className="num">
        {f.number(sum('tickets'))} · {f.number(sum('orders'))} · {f.number(sum('performances'))}
      </td>
      <td className={file.problem ? 'bad' : undefined}>{state}</td>
      <td>
        {file.verifiedAt === null
          ? t('archives.never')
          : t(file.verifiedOk ? 'archives.verifiedOk' : 'archives.verifiedBad', { date: f.dateTime(file.verifiedAt) })}
      </td>
      <td className="actions">
        {file.attached && !file.problem ? (
          <button type="button" onClick={props.onDetach} disabled={props.busy}>
            {t('archives.detach')}
          </button>
        ) : (
          <button type="button" onClick={props.onAttach} disabled={props.busy || props.attachDisabled}>
            {t('archives.attach')}
          </button>
        )}{' '}
        <button type="button" onClick={props.onVerify} disabled={props.busy}>
          {t('archives.verify')}
        </button>
      </td>
    </tr>
  );
}
