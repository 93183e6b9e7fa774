/**
 * « Sauvegarder vers… » a folder and « Restaurer… » from a backup folder. In the desktop app each
 * field has a « Choisir… » button (a folder the user may create for a backup; the folder of a
 * backup to restore); in the browser a typed folder must lie in Parterre's data folder, and the
 * panel says so. Restoring asks first.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../shared/contract.js';
import { call, transportKind } from '../../api.js';
import { PathField } from './PathField.js';

export function BackupsPanel(props: {
  locked: boolean;
  /** Parterre's data folder, named in the browser's note (null until the list is read). */
  dataFolder: string | null;
  onSave: (folder: string) => void;
  onRestore: (folder: string) => void;
  onError: (error: CallError) => void;
}) {
  const { t } = useTranslation();
  const [saveFolder, setSaveFolder] = useState('');
  const [restoreFolder, setRestoreFolder] = useState('');

  return (
    <div className="panel">
      <h2>{t('archives.backupsTitle')}</h2>
      <p className="muted">{t('archives.backupsHelp')}</p>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          props.onSave(saveFolder.trim());
        }}
      >
        <PathField
          label={t('archives.folderLabel')}
          value={saveFolder}
          onChange={setSaveFolder}
          size={48}
          disabled={props.locked}
          choose={() => call('dialog.chooseFolder', { purpose: 'backup' })}
          onError={props.onError}
        />
        <button type="submit" disabled={!saveFolder.trim() || props.locked}>
          {t('archives.saveTo')}
        </button>
      </form>
      <form
        className="toolbar"
        onSubmit={(event) => {
          event.preventDefault();
          if (window.confirm(t('archives.restoreConfirm'))) props.onRestore(restoreFolder.trim());
        }}
      >
        <PathField
          label={t('archives.restoreLabel')}
          value={restoreFolder}
          onChange={setRestoreFolder}
          size={48}
          disabled={props.locked}
          choose={() => call('dialog.chooseFolder', { purpose: 'restore' })}
          onError={props.onError}
        />
        <button type="submit" className="danger" disabled={!restoreFolder.trim() || props.locked}>
          {t('archives.restore')}
        </button>
      </form>
      {transportKind === 'browser' && props.dataFolder && (
        <p className="muted" data-testid="backups-browser-note">
          {t('archives.backupsBrowserNote', { folder: props.dataFolder })}
        </p>
      )}
    </div>
  );
}
