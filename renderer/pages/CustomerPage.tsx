/** The customer record: identity, consent, indicators with formulas, bands, history, disciplines. */
import { useTranslation } from 'react-i18next';
import { BandsList } from '../components/BandsList.js';
import { ConsentList } from '../components/ConsentList.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { IdentityCard } from '../components/IdentityCard.js';
import { IndicatorGrid } from '../components/IndicatorGrid.js';
import { PurchaseHistory } from '../components/PurchaseHistory.js';
import { SubscriptionsList } from '../components/SubscriptionsList.js';
import { DisciplinesChart } from '../charts/DisciplinesChart.js';
import { useCall } from '../hooks/useCall.js';
import { routeHref } from '../hooks/useHashRoute.js';

export function CustomerPage({ id }: { id: number }) {
  const { t } = useTranslation();
  const record = useCall('customers.get', { id });
  const customer = record.value;
  return (
    <section className="customer-page">
      <a className="back" href={routeHref({ page: 'customers' })}>
        ← {t('customer.back')}
      </a>
      {record.error && <ErrorMessage error={record.error} onRetry={record.reload} />}
      {!customer && !record.error && <p className="muted">{t('app.loading')}</p>}
      {customer && (
        <>
          <header className="page-header">
            <h1>{[customer.title, customer.name].filter(Boolean).join(' ')}</h1>
          </header>
          <div className="record-grid">
            <IndicatorGrid customer={customer} />
            <div className="stack">
              <IdentityCard customer={customer} />
              <ConsentList consent={customer.consent} />
            </div>
            <BandsList bands={customer.bands} />
            <DisciplinesChart disciplines={customer.disciplines} />
            <SubscriptionsList subscriptions={customer.subscriptions} />
          </div>
          <PurchaseHistory seasons={customer.history} />
        </>
      )}
    </section>
  );
}
