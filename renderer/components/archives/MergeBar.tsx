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
  // A regrouping changes no figure: the new file is attached as the files were, so they must agree.
  const mixed = ticked.some((file) => file.attached) && ticked.some((file) => !file.attached);
  const merge = () => {
    const seasons = ticked.flatMap((file) => file.seasons.map((s) => s.label)).sort();
    const question = t('archives.merge.confirm', { files: ticked.map((file) => file.name).join(', '), seasons: seasons.join(', ') });
    if (window.confirm(question)) props.onMerge();
  };
  return (
    <div className="merge-bar">
      <div className="toolbar">
        <button type="button" disabled={ticked.length < 2 || tooMany || mixed || props.locked} onClick={merge}>
          {t('archives.merge.button')}
        </button>
        <span className={tooMany || mixed ? 'bad' : 'muted'}>
          {tooMany ? t('archives.merge.tooMany', { most }) : mixed ? t('archives.merge.mixed') : t('archives.merge.help', { most })}
        </span>
      </div>
      {props.running && <MoveProgress progress={props.progress} label={t('archives.merge.running')} />}
    </div>
  );
}
