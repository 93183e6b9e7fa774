/**
 * The open database in the settings: which one (the venue's own or the demonstration), where its
 * file is, its size and what it holds; leaving the demonstration; emptying the base after a
 * backup, behind a dialog that says where the backup goes. Rendered by the Paramètres page.
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../shared/contract.js';
import type { DatabaseInfo } from '../../../shared/database-types.js';
import { call } from '../../api.js';
import { navigate } from '../../hooks/useHashRoute.js';
import { useFormat } from '../../hooks/useFormat.js';
import { refreshOpenDatabase, setOpenDatabase, useOpenDatabase } from '../../lib/open-database.js';
import { ErrorMessage } from '../ErrorMessage.js';
import '../../styles/database.css';

const COUNTS: (keyof DatabaseInfo['counts'])[] = ['customers', 'tickets', 'orders', 'performances', 'shows', 'tariffs', 'imports'];

export function DatabaseSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useOpenDatabase();
  const [busy, setBusy] = useState<'opening' | 'leaving' | 'emptying' | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [backupPath, setBackupPath] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  // Counts and size change with every import: read them afresh each time the settings open.
  useEffect(() => {
    void refreshOpenDatabase();
  }, []);

  if (!info) return <p className="muted">{t('app.loading')}</p>;

  const openDemo = async () => {
    setBusy('opening');
    setError(null);
    const result = await call('demo.load', {});
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setOpenDatabase(result.value.database);
    navigate({ page: 'customers' });
  };

  const leave = async () => {
    setBusy('leaving');
    setError(null);
    const result = await call('demo.leave', {});
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setOpenDatabase(result.value);
    navigate({ page: 'home' });
  };

  const empty = async () => {
    dialog.current?.close();
    setBusy('emptying');
    setError(null);
    setBackupPath(null);
    const result = await call('database.empty', {});
    setBusy(null);
    if (!result.ok) return setError(result.error);
    setOpenDatabase(result.value.database);
    setBackupPath(result.value.backupPath);
  };

  return (
    <section className="panel database-settings" data-testid="database-settings" data-kind={info.kind} aria-labelledby="database-settings-title">
      <header>
        <h2 id="database-settings-title">{t('database.title')}</h2>
        <span className={`database-kind ${info.kind}`}>{info.kind === 'demo' ? t('database.demo') : t('database.own')}</span>
      </header>
      {info.kind === 'demo' && <p className="muted">{t('database.demoExplained')}</p>}
      <dl className="pairs">
        <div className="pair">
          <dt>{t('database.file')}</dt>
          <dd className="mono" data-testid="database-path">{info.path}</dd>
        </div>
        <div className="pair">
          <dt>{t('database.size')}</dt>
          <dd>{f.bytes(info.bytes)}</dd>
        </div>
        {COUNTS.map((key) => (
          <div className="pair" key={key}>
            <dt>{t(`database.counts.${key}`)}</dt>
            <dd className="num-left" data-count={key}>{f.number(info.counts[key])}</dd>
          </div>
        ))}
      </dl>
      {info.kind === 'demo' && <p className="muted">{t('database.ownPath', { path: info.ownPath })}</p>}
      <div className="toolbar">
        {info.kind === 'demo' && (
          <button type="button" className="primary" onClick={() => void leave()} disabled={busy !== null}>
            {busy === 'leaving' ? t('database.leaving') : t('database.leaveDemo')}
          </button>
        )}
        {info.kind === 'own' && (
          <button type="button" onClick={() => void openDemo()} disabled={busy !== null}>
            {busy === 'opening' ? t('database.opening') : t('database.openDemo')}
          </button>
        )}
        <button type="button" className="danger" onClick={() => dialog.current?.showModal()} disabled={busy !== null}>
          {t('database.empty')}
        </button>
        {busy === 'emptying' && <span className="busy">{t('database.emptying')}</span>}
      </div>
      {backupPath && (
        <p className="notice" role="status">
          {t('database.emptied', { path: backupPath })}
        </p>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      <dialog ref={dialog} className="confirm-dialog" aria-labelledby="empty-title">
        <h2 id="empty-title">{t('database.emptyTitle')}</h2>
        <p>{t('database.emptyWhat')}</p>
        <p>
          {t('database.emptyBackup')} <span className="mono">{info.backupsDir}</span>
        </p>
        <p className="muted">{t('database.emptyKept')}</p>
        <div className="toolbar">
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            {t('database.cancel')}
          </button>
          <button type="button" className="danger" onClick={() => void empty()}>
            {t('database.emptyConfirm')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
