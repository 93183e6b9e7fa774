/** The seasons in which the customer held a subscription. */
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';

export function SubscriptionsList({ subscriptions }: { subscriptions: CustomerRecord['subscriptions'] }) {
  const { t } = useTranslation();
  const f = useFormat();
  return (
    <section className="panel">
      <h2>{t('customer.subscriptions')}</h2>
      {subscriptions.length === 0 ? (
        <p className="muted">{t('customer.noSubscriptions')}</p>
      ) : (
        <ul className="plain">
          {subscriptions.map((s) => (
            <li key={`${s.seasonYear}-${s.formula}`}>{t('customer.subscriptionLine', { count: s.tickets, season: s.label, formula: s.formula, tickets: f.number(s.tickets) })}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
