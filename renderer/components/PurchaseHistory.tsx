/** Purchases grouped by season, then order, then ticket; cancelled tickets struck through; all seasons printed. */
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistorySeason } from '../../shared/types.js';
import { useDetailsOpenForPrint } from '../hooks/useDetailsOpenForPrint.js';
import { useFormat } from '../hooks/useFormat.js';

export function PurchaseHistory({ seasons }: { seasons: HistorySeason[] }) {
  const { t } = useTranslation();
  const f = useFormat();
  const section = useRef<HTMLElement>(null);
  // On paper every season is there, the closed ones too.
  useDetailsOpenForPrint(section);
  return (
    <section ref={section} className="panel history">
      <h2>{t('customer.history')}</h2>
      {seasons.length === 0 && <p className="muted">{t('customer.noHistory')}</p>}
      {seasons.map((season, index) => (
        // The two latest seasons open; older ones one click away.
        <details key={season.seasonYear} open={index < 2} className="season">
          <summary>
            <strong>{season.label}</strong>{' '}
            <span className="muted">{t('customer.seasonLine', { count: season.tickets, tickets: f.number(season.tickets), revenue: f.money(season.revenueCents) })}</span>
          </summary>
          {season.orders.map((order) => (
            <div key={order.key} className="order">
              <h3>
                {t('customer.order', { key: order.key })} <span className="muted">{order.orderedAt ? t('customer.orderedAt', { date: f.date(order.orderedAt) }) : ''}</span>
                {order.channel && <span className="chip">{order.channel}</span>}
                <span className="order-total">{f.money(order.totalCents)}</span>
              </h3>
              <table className="dense">
                <colgroup>
                  <col className="show" />
                  <col className="when" />
                  <col className="hall" />
                  <col className="tariff" />
                  <col className="seats" />
                  <col className="price" />
                </colgroup>
                <thead>
                  <tr>
                    <th scope="col">{t('customer.show')}</th>
                    <th scope="col">{t('customer.performance')}</th>
                    <th scope="col">{t('customer.hall')}</th>
                    <th scope="col">{t('customer.tariff')}</th>
                    <th scope="col" className="num">{t('customer.seats')}</th>
                    <th scope="col" className="num">{t('customer.price')}</th>
                  </tr>
                </thead>
                <tbody>
                  {order.tickets.map((ticket) => (
                    <tr key={ticket.key} className={ticket.cancelled ? 'cancelled' : undefined}>
                      <td title={ticket.show}>
                        {ticket.cancelled ? <del>{ticket.show}</del> : ticket.show}
                        {ticket.cancelled && <span className="sr-only"> ({t('customer.cancelledTicket')})</span>}
                      </td>
                      <td>{f.dateTime(ticket.performanceAt)}</td>
                      <td>{ticket.hall ?? '—'}</td>
                      <td>
                        {ticket.tariff ?? '—'} <span className="muted">· {t(`customer.tariffKinds.${ticket.tariffKind}`)}</span>
                      </td>
                      <td className="num">{ticket.validSeats === ticket.seats ? f.number(ticket.seats) : `${f.number(ticket.validSeats)} / ${f.number(ticket.seats)}`}</td>
                      <td className="num">{ticket.cancelled ? <del>{f.money(ticket.unitPriceCents)}</del> : f.money(ticket.unitPriceCents)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
        </details>
      ))}
    </section>
  );
}
