/** Who the customer is and how to reach them. */
import { useTranslation } from 'react-i18next';
import type { CustomerRecord } from '../../shared/types.js';

export function IdentityCard({ customer }: { customer: CustomerRecord }) {
  const { t } = useTranslation();
  const cityLine = [customer.postalCode, customer.city].filter(Boolean).join(' ');
  const address = [...customer.address, cityLine, customer.country].filter((line): line is string => Boolean(line));
  return (
    <section className="panel">
      <h2>{t('customer.identity')}</h2>
      <dl className="pairs">
        <dt>{t('customer.address')}</dt>
        <dd>
          {address.length ? address.map((line, index) => <div key={index}>{line}</div>) : '—'}
        </dd>
        <dt>{t('customer.contact')}</dt>
        <dd>
          {customer.email && <div>{customer.email}</div>}
          {customer.phone && <div>{customer.phone}</div>}
          {!customer.email && !customer.phone && '—'}
        </dd>
        <dt>{t('customer.key')}</dt>
        <dd className="mono">{customer.key}</dd>
      </dl>
    </section>
  );
}
