/**
 * One line of a flat ticket-lines file → customer, show, performance, order and ticket rows
 * (docs/import-rules.md). Everything is read first — a rejected line writes nothing — then
 * written through the stores.
 */
import { CUSTOMER_FIELDS, type ImportField } from '../../../shared/import-fields.js';
import { readCustomer, upsertCustomer } from './customer-line.js';
import type { LineFields } from './fields.js';
import { orderKey, ticketKey } from './identity.js';
import { cachedPerformanceReader, upsertPerformance, P_SEASON, type PerformanceRead, type PerformanceWriter } from './performance-line.js';
import { LineReject } from './rejects.js';
import type { Entry, EntityStore } from './stores.js';
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

/** The columns a line's order is read from (its customer's: CUSTOMER_FIELDS). */
const ORDER_FIELDS: ImportField[] = ['orderId', 'orderDate', 'orderTime', 'channel'];

/** What the last line imported wrote for its customer and its order. */
interface Previous {
  cells: string[];
  customerKey: string | null;
  customerId: number | null;
  order: Entry;
  orderedAt: string | null;
  performance: PerformanceRead;
  perf: Entry;
}

/**
 * The importer of one file's ticket lines. The lines of an order follow one another and repeat
 * its customer's and the order's cells: a line whose customer cells are those of the line
 * imported just before has the same customer, already written with those very values (a rejected
 * line in between wrote nothing), so it is neither read nor written again; likewise its order when
 * the order number, date and channel repeat too. Performances are read once per distinct cells, and
 * not written again for a line that repeats the line before's.
 */
export function createTicketLineImporter(w: TicketWriter, fields: LineFields): () => void {
  const customerColumns = fields.columnsOf(CUSTOMER_FIELDS);
  const orderColumns = fields.columnsOf(ORDER_FIELDS);
  const readPerformance = cachedPerformanceReader(fields);
  let previous: Previous | null = null;

  return () => {
    const performance = readPerformance();
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
    // The order's cells repeat those of the line before (read well then): so does its date.
    const sameOrderCells = previous !== null && fields.sameCells(previous.cells, orderColumns);
    const orderedAt = sameOrderCells ? previous!.orderedAt : fields.dateTime('orderDate', 'orderTime', false);
    const sameCustomer = previous !== null && fields.sameCells(previous.cells, customerColumns);
    const customer = sameCustomer ? null : readCustomer(fields);
    const customerKey = sameCustomer ? previous!.customerKey : (customer?.key ?? null);
    const state = fields.text('state');
    const isReversal = isCancelledState(state) || cents < 0 || seats < 0;
    const kind: TariffKind = cents === 0 ? 'free' : w.kindOf(tariff, category, subscription);

    const ticketId = fields.text('ticketId');
    const tKey = ticketKey(ticketId, ticketId === '' ? w.lineKey(fields.cells) : null, isReversal);
    const orderId = fields.text('orderId');
    const oKey = orderKey(orderId, customerKey, orderedAt, tKey);

    // The same read as the line before: its upsert would find the values it wrote and change nothing.
    const perf = previous !== null && previous.performance === performance ? previous.perf : upsertPerformance(w, performance);
    const customerId = sameCustomer ? previous!.customerId : customer ? upsertCustomer(w.customers, customer, w.fileName) : null;
    let order: Entry;
    if (sameCustomer && orderId !== '' && sameOrderCells) order = previous!.order;
    else {
      const previousCustomer = w.orders.get(oKey)?.vals[0];
      order = w.orders.upsert(oKey, [customerId, orderedAt, fields.text('channel')]);
      if (previousCustomer !== undefined && previousCustomer !== order.vals[0]) w.tickets.moveCustomer(order.id, order.vals[0]);
    }

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
    previous = { cells: fields.cells, customerKey, customerId, order, orderedAt, performance, perf };
  };
}
