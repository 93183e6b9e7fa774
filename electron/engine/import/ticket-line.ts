/**
 * One line of a flat ticket-lines file → customer, show, performance, order and ticket rows
 * (docs/import-rules.md). Everything is read first — a rejected line writes nothing — then
 * written through the stores.
 */
import { readCustomer, upsertCustomer } from './customer-line.js';
import type { LineFields } from './fields.js';
import { orderKey, ticketKey } from './identity.js';
import { readPerformance, upsertPerformance, P_SEASON, type PerformanceWriter } from './performance-line.js';
import { LineReject } from './rejects.js';
import type { EntityStore } from './stores.js';
import type { TariffKind } from './tariff-kind.js';
import type { TicketStore } from './ticket-store.js';
import { foldText } from './text.js';

export const ORDER_COLUMNS = ['customer_id', 'ordered_at', 'channel'] as const;

/** States that say the line cancels a sale. */
const CANCELLED_STATES = new Set(['a', 'an', 'annule', 'annulee', 'annulation', 'cancelled', 'canceled', 'cancel', 'rembourse', 'refunded']);

export interface TicketWriter extends PerformanceWriter {
  customers: EntityStore;
  orders: EntityStore;
  tickets: TicketStore;
  kindOf: (tariff: string, category: string, subscription: string) => TariffKind;
  fileName: string;
  /** `line:<hash>#<n>` for a line without a ticket number (n counts identical lines of the file). */
  lineKey: (cells: string[]) => string;
}

function isCancelledState(state: string): boolean {
  return state !== '' && CANCELLED_STATES.has(state.length <= 2 ? state.toLowerCase() : foldText(state));
}

export function importTicketLine(w: TicketWriter, fields: LineFields): void {
  const performance = readPerformance(fields);
  const tariff = fields.text('tariff');
  const category = fields.text('tariffCategory');
  const subscription = fields.text('subscription');
  let cents = fields.cents('amount');
  if (cents === null) {
    // An invitation exported with an empty price is free; any other line needs its price.
    if (w.kindOf(tariff, category, subscription) !== 'free') throw new LineReject('Montant manquant', fields.mapping.amount ?? null);
    cents = 0;
  }
  const seats = fields.seats();
  const orderedAt = fields.dateTime('orderDate', 'orderTime', false);
  const customer = readCustomer(fields);
  const state = fields.text('state');
  const isReversal = isCancelledState(state) || cents < 0 || seats < 0;
  const kind: TariffKind = cents === 0 ? 'free' : w.kindOf(tariff, category, subscription);

  const ticketId = fields.text('ticketId');
  const tKey = ticketKey(ticketId, ticketId === '' ? w.lineKey(fields.cells) : null, isReversal);
  const oKey = orderKey(fields.text('orderId'), customer?.key ?? null, orderedAt, tKey);

  const perf = upsertPerformance(w, performance);
  const customerId = customer ? upsertCustomer(w.customers, customer, w.fileName) : null;
  const previousCustomer = w.orders.get(oKey)?.vals[0];
  const order = w.orders.upsert(oKey, [customerId, orderedAt, fields.text('channel')]);
  if (previousCustomer !== undefined && previousCustomer !== order.vals[0]) w.tickets.moveCustomer(order.id, order.vals[0]);

  w.tickets.upsert(tKey, [
    order.id,
    perf.id,
    order.vals[0],
    perf.vals[P_SEASON],
    orderedAt,
    tariff,
    kind,
    cents,
    seats,
    isReversal ? 1 : 0,
    state,
  ]);
}
