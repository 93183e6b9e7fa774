/**
 * Which database is open: its location and its size on disk (a simple version; the full one —
 * demo or own base, leaving the demo, emptying the base — comes with issue 9).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCall } from '../../hooks/useCall.js';
import { useFormat } from '../../hooks/useFormat.js';
import { ErrorMessage } from '../ErrorMessage.js';

export function DatabaseSettings() {
  const { t } = useTranslation();
  const f = useFormat();
  const info = useCall('app.info', {});
  const [copied, setCopied] = useState(false);
  const value = info.value;
  return (
    <section className="panel settings-section" aria-labelledby="settings-database">
      <h2 id="settings-database">{t('settings.database.title')}</h2>
      {info.error && <ErrorMessage error={info.error} onRetry={info.reload} />}
      {!value && !info.error && <p className="muted">{t('app.loading')}</p>}
      {value && (
        <dl className="pairs">
          <div className="pair">
            <dt>{t('settings.database.location')}</dt>
            <dd>
              <span className="mono path">{value.dbPath}</span>{' '}
              {navigator.clipboard && (
                <button
                  type="button"
                  className="quiet"
                  onClick={() => void navigator.clipboard.writeText(value.dbPath).then(() => setCopied(true))}
                >
                  {copied ? t('settings.database.copied') : t('settings.database.copy')}
                </button>
              )}
            </dd>
          </div>
          <div className="pair">
            <dt>{t('settings.database.size')}</dt>
            <dd>{f.bytes(value.dbSizeBytes)}</dd>
          </div>
          <div className="pair">
            <dt>{t('settings.database.contents')}</dt>
            <dd>
              {t('settings.database.contentsValue', {
                customers: f.number(value.counts.customers),
                tickets: f.number(value.counts.tickets),
                performances: f.number(value.counts.performances),
              })}
            </dd>
          </div>
          <div className="pair">
            <dt>{t('settings.database.schema')}</dt>
            <dd>{f.number(value.schemaVersion)}</dd>
          </div>
          <div className="pair">
            <dt>{t('settings.database.appVersion')}</dt>
            <dd>{value.version}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
