/** Consent per channel, with its date and source: what an export for a mailing will honour. */
import { useTranslation } from 'react-i18next';
import type { ConsentState, CustomerRecord } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';

const CHANNELS = ['email', 'sms', 'post'] as const;

function stateKey(consent: ConsentState): 'granted' | 'refused' | 'unknown' {
  if (consent.granted === true) return 'granted';
  if (consent.granted === false) return 'refused';
  return 'unknown';
}

export function ConsentList({ consent }: { consent: CustomerRecord['consent'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel">
      <h2>{t('customer.consent')}</h2>
      <ul className="consents">
        {CHANNELS.map((channel) => {
          const state = stateKey(consent[channel]);
          return (
            <li key={channel}>
              <span className="channel">{t(`customer.channels.${channel}`)}</span>
              <span className={`consent ${state}`}>{t(`customer.${state}`)}</span>
              {consent[channel].at && <span className="muted"> {t('customer.since', { date: f.date(consent[channel].at) })}</span>}
              {consent[channel].source && <span className="muted"> · {t('customer.source', { source: consent[channel].source })}</span>}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
