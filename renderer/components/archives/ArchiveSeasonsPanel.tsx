/**
 * « Archiver des saisons »: the seasons still in the main file, ticked, and where they go — a new
 * file, or an existing archive (« Ajouter à l’archive … », a new file then replaces it). At the
 * limit of attached files a new file cannot be opened: only « Ajouter à » is offered, and why.
 */
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveList, ArchiveProgress } from '../../../shared/archives-types.js';
import type { SeasonIndicators } from '../../../shared/types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { destinationsOf } from '../../lib/archive-choices.js';
import { MoveProgress } from './MoveProgress.js';

export function ArchiveSeasonsPanel(props: {
  list: ArchiveList;
  archivable: SeasonIndicators[];
  /** Something else runs: nothing can start. */
  locked: boolean;
  /** This panel's archiving runs, with its progress. */
  running: boolean;
  progress: ArchiveProgress | null;
  /** Resolves true when the seasons were archived (the ticks are then cleared). */
  onArchive: (seasons: string[], into: number | undefined) => Promise<boolean>;
  /** What the last archiving gave (its notice or its error). */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [mode, setMode] = useState<'new' | 'into'>('new');
  const [target, setTarget] = useState<number | null>(null);
  const { newFileAllowed, targets } = destinationsOf(props.list);
  const into = !newFileAllowed || (mode === 'into' && targets.length > 0);
  const targetId = targets.find((file) => file.id === target)?.id ?? targets[0]?.id;
  const ready = chosen.size > 0 && !props.locked && (!into || targetId !== undefined);

  async function archive() {
    if (await props.onArchive([...chosen], into ? targetId : undefined)) setChosen(new Set());
  }

  return (
    <section className="panel" aria-labelledby="archive-seasons-title">
      <h2 id="archive-seasons-title">{t('archives.archiveTitle')}</h2>
      <p className="muted">{t('archives.archiveHelp')}</p>
      {props.archivable.length === 0 ? (
        <p className="muted">{t('archives.noSeason')}</p>
      ) : (
        <>
          <div className="toolbar">
            {props.archivable.map((season) => (
              <label key={season.label} className="check">
                <input
                  type="checkbox"
                  checked={chosen.has(season.label)}
                  disabled={props.locked}
                  onChange={(event) => {
                    const next = new Set(chosen);
                    if (event.target.checked) next.add(season.label);
                    else next.delete(season.label);
                    setChosen(next);
                  }}
                />
                {season.label} <span className="muted">({t('archives.seasonTickets', { count: season.tickets, tickets: f.number(season.tickets) })})</span>
              </label>
            ))}
          </div>
          <fieldset className="archive-destination" disabled={props.locked}>
            <legend>{t('archives.destination.legend')}</legend>
            <label className="check">
              <input type="radio" name="archive-destination" checked={!into} disabled={!newFileAllowed} onChange={() => setMode('new')} />
              {t('archives.destination.newFile')}
            </label>
            <span className="into">
              <label className="check">
                <input type="radio" name="archive-destination" checked={into} disabled={targets.length === 0} onChange={() => setMode('into')} />
                {t('archives.destination.into')}
              </label>
              <select
                aria-label={t('archives.destination.target')}
                value={targetId ?? ''}
                disabled={targets.length === 0}
                onChange={(event) => {
                  setTarget(Number(event.target.value));
                  setMode('into');
                }}
              >
                {targets.length === 0 && <option value="">{t('archives.destination.noTarget')}</option>}
                {targets.map((file) => (
                  <option key={file.id} value={file.id}>
                    {t('archives.destination.option', {
                      name: file.name,
                      seasons: file.seasons.map((s) => s.label).join(', '),
                    })}
                  </option>
                ))}
              </select>
            </span>
            {into && newFileAllowed && <p className="muted hint">{t('archives.destination.help')}</p>}
            {!newFileAllowed && (
              <p className="warning" data-testid="new-file-impossible">
                {t(targets.length > 0 ? 'archives.destination.full' : 'archives.destination.fullNoTarget', { max: props.list.maxAttached })}
              </p>
            )}
          </fieldset>
          <div className="toolbar">
            <button type="button" className="primary" disabled={!ready} onClick={() => void archive()}>
              {t('archives.archiveButton', { count: chosen.size })}
            </button>
          </div>
        </>
      )}
      {props.running && <MoveProgress progress={props.progress} label={t('archives.archiving')} />}
      {props.children}
    </section>
  );
}
