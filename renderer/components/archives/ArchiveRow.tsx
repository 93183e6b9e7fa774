/** One archive file of the Archives table: its tick for « Regrouper », seasons, size, counts, state, last verification, actions. */
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveFileInfo } from '../../../shared/archives-types.js';
import { useFormat } from '../../hooks/useFormat.js';
import { unchangeable } from '../../lib/archive-choices.js';

/**
 * A file name that wraps only between its seasons (`parterre-2021-2022_2022-2023.sqlite` breaks
 * after `_`), never inside a season's label.
 */
function breakableName(name: string) {
  const parts = name.split('_');
  return parts.map((part, i) => (
    <span key={i}>
      {part}
      {i < parts.length - 1 ? '_' : ''}
      {i < parts.length - 1 && <wbr />}
    </span>
  ));
}

export function ArchiveRow(props: {
  file: ArchiveFileInfo;
  busy: boolean;
  attachDisabled: boolean;
  /** Why « Attacher » is greyed out, when it is for SQLite's limit. */
  attachTitle?: string;
  ticked: boolean;
  tickDisabled: boolean;
  onTick: (ticked: boolean) => void;
  onAttach: () => void;
  onDetach: () => void;
  onVerify: () => void;
}) {
  const { file } = props;
  const { t } = useTranslation();
  const f = useFormat();
  const sum = (key: 'tickets' | 'orders' | 'performances') => file.seasons.reduce((total, s) => total + s[key], 0);
  const state = file.problem ?? (file.attached ? t('archives.state.attached') : t('archives.state.detached'));
  const refusal = unchangeable(file);
  return (
    <tr data-testid="archive-row" data-file={file.name}>
      <td className="tick" title={refusal ? t(`archives.merge.refused.${refusal}`) : undefined}>
        <input
          type="checkbox"
          aria-label={t('archives.merge.tick', { name: file.name })}
          title={refusal ? t(`archives.merge.refused.${refusal}`) : t('archives.merge.tick', { name: file.name })}
          checked={props.ticked}
          disabled={refusal !== null || props.tickDisabled}
          onChange={(event) => props.onTick(event.target.checked)}
        />
      </td>
      <td>
        <strong className="file-name">{breakableName(file.name)}</strong>
        {file.readOnly && <span className="chip">{t('archives.state.readOnly')}</span>}
      </td>
      <td data-testid="archive-seasons">
        {file.seasons.map((s, i) => (
          <Fragment key={s.label}>
            {i > 0 && ', '}
            <span className="season">{s.label}</span>
          </Fragment>
        ))}
      </td>
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
          <button type="button" onClick={props.onAttach} disabled={props.busy || props.attachDisabled} title={props.attachTitle}>
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
