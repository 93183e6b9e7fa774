/** The progress of an archiving or a regrouping (one `archive.progress` event stream for both), with its cancel button. */
import { useTranslation } from 'react-i18next';
import type { ArchiveProgress } from '../../../shared/archives-types.js';
import { call } from '../../api.js';
import { ProgressBar } from '../ProgressBar.js';

export function MoveProgress({ progress, label }: { progress: ArchiveProgress | null; label: string }) {
  const { t } = useTranslation();
  return (
    <div className="move-progress">
      <p className="busy">
        {label} {progress ? t(`archives.phase.${progress.phase}`) : ''}
      </p>
      <ProgressBar percent={progress?.percent ?? 0} label={label} />
      <button type="button" onClick={() => void call('archives.cancel', {})}>
        {t('archives.cancel')}
      </button>
    </div>
  );
}
