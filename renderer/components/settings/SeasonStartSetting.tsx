/**
 * The month a season starts. Choosing another month first shows what it would change (the seasons
 * before and after, and how many performances and tickets move), and only a confirmation saves it:
 * every season and its indicators are then re-derived by the engine, in one transaction.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../shared/contract.js';
import type { SeasonCount, SeasonStartPreview } from '../../../shared/settings-types.js';
import { call } from '../../api.js';
import { useFormat } from '../../hooks/useFormat.js';
import { MONTHS, monthName } from '../../lib/months.js';
import { ErrorMessage } from '../ErrorMessage.js';

function SeasonTable({ caption, seasons }: { caption: string; seasons: SeasonCount[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <table className="dense season-counts">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('settings.seasons.season')}</th>
          <th scope="col" className="num">{t('settings.seasons.performances')}</th>
          <th scope="col" className="num">{t('settings.seasons.tickets')}</th>
        </tr>
      </thead>
      <tbody>
        {seasons.map((season) => (
          <tr key={season.label}>
            <th scope="row">{season.label}</th>
            <td className="num">{f.number(season.performances)}</td>
            <td className="num">{f.number(season.tickets)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SeasonStartSetting({ saved, onSaved }: { saved: number; onSaved: () => void }) {
  const { t } = useTranslation();
  const f = useFormat();
  const month = (m: number) => monthName(m, f.locale);
  const [preview, setPreview] = useState<SeasonStartPreview | null>(null);
  const [chosen, setChosen] = useState<number>(saved);
  const [status, setStatus] = useState<'idle' | 'previewing' | 'saving'>('idle');
  const [done, setDone] = useState<{ month: number; count: number } | null>(null);
  const [error, setError] = useState<CallError | null>(null);

  const choose = async (next: number) => {
    setChosen(next);
    setDone(null);
    setError(null);
    setPreview(null);
    if (next === saved) return;
    setStatus('previewing');
    const result = await call('settings.previewSeasonStart', { seasonStartMonth: next });
    setStatus('idle');
    if (result.ok) setPreview(result.value);
    else setError(result.error);
  };

  const confirm = async () => {
    if (!preview) return;
    setStatus('saving');
    const result = await call('settings.set', { seasonStartMonth: preview.proposedMonth });
    setStatus('idle');
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setDone({ month: result.value.seasonStartMonth, count: preview.proposed.length });
    setPreview(null);
    onSaved();
  };

  const cancel = () => {
    setPreview(null);
    setChosen(saved);
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-seasons">
      <h2 id="settings-seasons">{t('settings.seasons.title')}</h2>
      <div className="setting-row">
        <label htmlFor="season-start">{t('settings.seasons.startMonth')}</label>
        <select id="season-start" value={chosen} disabled={status === 'saving'} onChange={(event) => void choose(Number(event.target.value))}>
          {MONTHS.map((m) => (
            <option key={m} value={m}>
              {month(m)}
            </option>
          ))}
        </select>
        <span className="muted">{t('settings.seasons.current', { month: month(saved) })}</span>
      </div>
      <p className="muted hint">{t('settings.seasons.hint')}</p>
      {status === 'previewing' && <p className="busy">{t('settings.seasons.previewing')}</p>}
      {preview && (
        <div className="season-change" role="region" aria-label={t('settings.seasons.changeTitle', { month: month(preview.proposedMonth) })}>
          <h3>{t('settings.seasons.changeTitle', { month: month(preview.proposedMonth) })}</h3>
          <p>
            {preview.performancesMoved === 0
              ? t('settings.seasons.noneMoves')
              : t('settings.seasons.moves', {
                  performances: t('settings.seasons.movedPerformances', { count: preview.performancesMoved, formatted: f.number(preview.performancesMoved) }),
                  tickets: t('settings.seasons.movedTickets', { count: preview.ticketsMoved, formatted: f.number(preview.ticketsMoved) }),
                })}
          </p>
          {preview.current.length === 0 ? (
            <p className="muted">{t('settings.seasons.empty')}</p>
          ) : (
            <div className="season-compare">
              <SeasonTable caption={t('settings.seasons.before', { month: month(preview.currentMonth) })} seasons={preview.current} />
              <SeasonTable caption={t('settings.seasons.after', { month: month(preview.proposedMonth) })} seasons={preview.proposed} />
            </div>
          )}
          <div className="toolbar">
            <button type="button" className="primary" disabled={status === 'saving'} onClick={() => void confirm()}>
              {t('settings.seasons.confirm')}
            </button>
            <button type="button" disabled={status === 'saving'} onClick={cancel}>
              {t('settings.seasons.cancel')}
            </button>
          </div>
        </div>
      )}
      {status === 'saving' && <p className="busy">{t('settings.seasons.saving')}</p>}
      {done && (
        <p className="notice" role="status">
          {t('settings.seasons.saved', { month: month(done.month), count: done.count })}
        </p>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
