/** Percent, phase, lines and megabytes of a running import. */
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';
import { ProgressBar } from './ProgressBar.js';

export function ImportProgressPanel({ progress, label }: { progress: ImportProgress | null; label: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <div className="import-progress">
      <ProgressBar percent={progress?.percent ?? 0} label={label} />
      {progress && (
        <p className="muted" aria-live="polite">
          {t(`import.phase.${progress.phase}`)} —{' '}
          {t('import.progressDetail', { lines: f.number(progress.linesRead), read: f.bytes(progress.bytesRead), total: f.bytes(progress.totalBytes) })}
          {progress.fileCount > 1 && <> · {t('import.fileOf', { index: progress.fileIndex + 1, count: progress.fileCount, name: progress.file })}</>}
        </p>
      )}
    </div>
  );
}
