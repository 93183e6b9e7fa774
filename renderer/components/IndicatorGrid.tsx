/** The customer's indicators; each one's formula shows on hover and on keyboard focus. */
import { useTranslation } from 'react-i18next';
import { formulaText } from '../../shared/formula.js';
import { CUSTOMER_FORMULAS } from '../../shared/indicator-formulas.js';
import type { CustomerRecord } from '../../shared/types.js';
import { useFormat } from '../hooks/useFormat.js';
import { CUSTOMER_INDICATORS, type CustomerIndicator } from '../lib/formulas.js';

export function IndicatorGrid({ customer }: { customer: CustomerRecord }) {
  const { t, i18n } = useTranslation();
  const f = useFormat();
  const shown: Record<CustomerIndicator, string> = {
    lifetimeValueCents: f.money(customer.lifetimeValueCents),
    orders: f.number(customer.orders),
    tickets: f.number(customer.tickets),
    activeSeasons: f.number(customer.activeSeasons),
    ordersPerSeason: f.number(customer.ordersPerSeason, 2),
    averageBasketCents: f.money(customer.averageBasketCents),
    ticketsPerOrder: f.number(customer.ticketsPerOrder, 2),
    firstPurchase: f.date(customer.firstPurchase),
    lastPurchase: f.date(customer.lastPurchase),
    recencyDays: customer.recencyDays === null ? '—' : t('indicators.recencyValue', { days: f.number(customer.recencyDays) }),
  };
  return (
    <section className="panel">
      <h2>{t('customer.indicators')}</h2>
      <dl className="indicators">
        {CUSTOMER_INDICATORS.map((indicator) => {
          const formula = t('customer.formula', { formula: formulaText(CUSTOMER_FORMULAS[indicator], i18n.language) });
          return (
            <div key={indicator} className="indicator" title={formula} tabIndex={0} aria-describedby={`formula-${indicator}`} data-indicator={indicator}>
              <dt>{t(`indicators.${indicator}`)}</dt>
              <dd>{shown[indicator]}</dd>
              <span id={`formula-${indicator}`} role="tooltip" className="formula">
                {formula}
              </span>
            </div>
          );
        })}
      </dl>
    </section>
  );
}
