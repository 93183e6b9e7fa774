/** One line of the customer list: a link to the record, with the figures used to sort. */
import { useTranslation } from 'react-i18next';
import type { CustomerSummary } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';
import { routeHref } from '../hooks/useHashRoute.js';
import { BandBadge } from './BandBadge.js';

export function CustomerRow({ customer }: { customer: CustomerSummary | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  if (!customer) return <div className="customer-row placeholder">{t('customers.loadingRow')}</div>;
  const place = [customer.postalCode, customer.city].filter(Boolean).join(' ');
  return (
    <a className="customer-row" href={routeHref({ page: 'customer', id: customer.id })} data-key={customer.key}>
      <span className="name">{customer.name}</span>
      <span className="email">{customer.email ?? ''}</span>
      <span className="place">{place}</span>
      <span className="num">{f.money(customer.lifetimeValueCents)}</span>
      <span className="num">{f.number(customer.orders)}</span>
      <span className="num">{f.date(customer.lastPurchase)}</span>
      <span>
        <BandBadge band={customer.bands?.lifetimeValueCents} />
      </span>
    </a>
  );
}
