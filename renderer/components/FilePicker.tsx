/**
 * Choose export files: a drop zone, and a button that opens the native dialog in Electron or the
 * browser's file input otherwise. Hands back File objects (browser) or paths (native dialog).
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { transportKind } from '../api.js';

export function FilePicker({ onFiles, onNativePick, disabled }: { onFiles: (files: File[]) => void; onNativePick: () => void; disabled?: boolean }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);

  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled && event.dataTransfer.files.length) onFiles([...event.dataTransfer.files]);
  };

  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={drop}
    >
      <p>{t('import.drop')}</p>
      <p className="muted">{t('import.dropOr')}</p>
      <button type="button" className="primary" disabled={disabled} onClick={() => (transportKind === 'electron' ? onNativePick() : input.current?.click())}>
        {t('import.choose')}
      </button>
      <input
        ref={input}
        type="file"
        multiple
        accept=".csv,.txt,.tsv,text/csv,text/plain"
        hidden
        data-testid="file-input"
        onChange={(event) => {
          const files = [...(event.target.files ?? [])];
          event.target.value = '';
          if (files.length) onFiles(files);
        }}
      />
    </div>
  );
}
