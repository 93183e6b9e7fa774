/**
 * « Regrouper les archives cochées »: one new file takes over the ticked archives, their seasons
 * unchanged, and each file regrouped frees an attached place. Asks before it starts.
 */
import { useTranslation } from 'react-i18next';
import type { ArchiveFileInfo, ArchiveProgress } from '../../../shared/archives-types.js';
import { MoveProgress } from './MoveProgress.js';

export function MergeBar(props: {
  ticked: ArchiveFileInfo[];
  most: number;
  locked: boolean;
  running: boolean;
  progress: ArchiveProgress | null;
  onMerge: () => void;
}) {
  const { t } = useTranslation();
  const { ticked, most } = props;
  const tooMany = ticked.length > most;
  const merge = () => {
    const seasons = ticked.flatMap((file) => file.seasons.map((s) => s.label)).sort();
    const question = t('archives.merge.confirm', { files: ticked.map((file) => file.name).join(', '), seasons: seasons.join(', ') });
    if (window.confirm(question)) props.onMerge();
  };
  return (
    <div className="merge-bar">
      <div className="toolbar">
        <button type="button" disabled={ticked.length < 2 || tooMany || props.locked} onClick={merge}>
          {t('archives.merge.button')}
        </button>
        <span className={tooMany ? 'bad' : 'muted'}>{tooMany ? t('archives.merge.tooMany', { most }) : t('archives.merge.help', { most })}</span>
      </div>
      {props.running && <MoveProgress progress={props.progress} label={t('archives.merge.running')} />}
    </div>
  );
}
