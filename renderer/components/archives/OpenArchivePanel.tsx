/**
 * « Ouvrir une archive… »: an archive file from elsewhere, used where it is, read-only. In the
 * desktop app « Choisir… » opens the native chooser and the chosen archive straight away; in the
 * browser a typed path must lie in Parterre's data folder, and the panel says so.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../shared/contract.js';
import { call, transportKind } from '../../api.js';
import { PathField } from './PathField.js';

export function OpenArchivePanel(props: {
  locked: boolean;
  full: boolean;
  /** Parterre's data folder, named in the browser's note (null until the list is read). */
  dataFolder: string | null;
  /** Opens the archive; true when it was opened. */
  onOpen: (path: string) => Promise<boolean>;
  onError: (error: CallError) => void;
}) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const chooseArchive = () => call('dialog.chooseArchive', {});

  async function open(chosen: string) {
    // Left in the field after a failure, so that the user sees which file the message is about.
    if (await props.onOpen(chosen)) setPath('');
  }
  async function submit(event: FormEvent) {
    event.preventDefault();
    const typed = path.trim();
    if (typed) return open(typed);
    // An empty field in the desktop app: the button means « choose one ».
    if (transportKind !== 'electron') return;
    const chosen = await chooseArchive();
    if (!chosen.ok) return props.onError(chosen.error);
    if (chosen.value.path) {
      setPath(chosen.value.path);
      await open(chosen.value.path);
    }
  }

  return (
    <div className="panel">
      <h2>{t('archives.openTitle')}</h2>
      <p className="muted">{t('archives.openHelp')}</p>
      <form className="toolbar" onSubmit={(event) => void submit(event)}>
        <PathField
          label={t('archives.pathLabel')}
          value={path}
          onChange={setPath}
          size={60}
          disabled={props.locked || props.full}
          choose={chooseArchive}
          onChosen={(chosen) => void open(chosen)}
          onError={props.onError}
        />
        <button type="submit" disabled={props.locked || props.full}>
          {t('archives.open')}
        </button>
      </form>
      {transportKind === 'browser' && props.dataFolder && (
        <p className="muted" data-testid="open-browser-note">
          {t('archives.openBrowserNote', { folder: props.dataFolder })}
        </p>
      )}
    </div>
  );
}
