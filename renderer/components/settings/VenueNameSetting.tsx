/** The venue's name, printed on the season report's cover. */
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../shared/contract.js';
import { call } from '../../api.js';
import { ErrorMessage } from '../ErrorMessage.js';

export function VenueNameSetting({ saved, onSaved }: { saved: string; onSaved: () => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState(saved);
  const [status, setStatus] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [error, setError] = useState<CallError | null>(null);
  useEffect(() => setName(saved), [saved]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setStatus('saving');
    setError(null);
    const result = await call('settings.set', { venueName: name });
    if (!result.ok) {
      setError(result.error);
      setStatus('idle');
      return;
    }
    setName(result.value.venueName);
    setStatus('saved');
    onSaved();
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-venue">
      <h2 id="settings-venue">{t('settings.venue.title')}</h2>
      <form className="setting-row" onSubmit={(event) => void submit(event)}>
        <label htmlFor="venue-name">{t('settings.venue.name')}</label>
        <input
          id="venue-name"
          value={name}
          maxLength={200}
          placeholder={t('settings.venue.placeholder')}
          onChange={(event) => {
            setName(event.target.value);
            setStatus('idle');
          }}
        />
        <button type="submit" className="primary" disabled={status === 'saving' || name.trim() === saved}>
          {t('settings.venue.save')}
        </button>
      </form>
      <p className="muted hint">{t('settings.venue.hint')}</p>
      {status === 'saved' && (
        <p className="notice" role="status">
          {saved ? t('settings.venue.saved') : t('settings.venue.cleared')}
        </p>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
    </section>
  );
}
