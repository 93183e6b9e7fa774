/**
 * Reads one line of a flat ticket-lines file (docs/import-rules.md) into a TicketBatch: every
 * value a line gives, checked and normalised, and nothing that depends on the database. What it
 * reads is written by ticket-line.ts, on the engine thread; this part may run in the parse worker.
 *
 * The lines of an order follow one another and repeat its customer's and the order's cells: a
 * line whose customer cells are those of the line read just before (a rejected line in between
 * is not in the batch) has the same customer, and says so instead of being read again; likewise
 * its order when the order number, date and channel repeat too. Performances are read once per
 * distinct cells. A customer met again after other lines is read once too: the line names the read
 * it already sent, which the engine has written last for that customer — unless another read of
 * the same customer came in between (its values may differ), and then the read travels again.
 */
import { CUSTOMER_FIELDS, type ImportField } from '../../../../shared/import-fields.js';
import { readCustomer } from './customer-line.js';
import type { LineFields } from './fields.js';
import { orderKey, ticketKey } from './identity.js';
import { CellsMemo } from './cells-memo.js';
import { cachedPerformanceReader, type PerformanceRead } from './performance-line.js';
import { LineReject } from '../write/rejects.js';
import { detach } from './text.js';
import { createTariffKindCache, type TariffKind } from '../propose/tariff-kind.js';
import { BRINGS_CUSTOMER, NO_CUSTOMER, REVERSAL, SAME_CUSTOMER, SAME_ORDER, type TicketBatchBuilder } from './ticket-batch.js';
import { foldText } from './text.js';
import { unitCentsOf } from './line-amount.js';

/** States that say the line cancels a sale, French and English (folded: no accents, lower case). */
const CANCELLED_STATES = new Set([
  'a', 'an', 'annule', 'annulee', 'annules', 'annulees', 'annulation', 'rembourse', 'remboursee', 'remboursement', 'avoir',
  'retourne', 'cancelled', 'canceled', 'cancel', 'cancellation', 'refunded', 'refund', 'void', 'voided',
  'returned', 'reversed', 'credited', 'credit note', 'annule rembourse',
]);

function isCancelledState(state: string): boolean {
  return state !== '' && CANCELLED_STATES.has(state.length <= 2 ? state.toLowerCase() : foldText(state));
}

/** The columns a line's order is read from (its customer's: CUSTOMER_FIELDS). */
const ORDER_FIELDS: ImportField[] = ['orderId', 'orderDate', 'orderTime', 'channel'];

/** Distinct customer cells remembered; past this the memory starts again (reads then travel again). */
const CUSTOMER_MEMO_LIMIT = 200_000;

/**
 * What the last line read gave for its customer and its order, and their cells
 * (LineFields.groupKey): one object, updated line after line. Null cells: no line yet.
 */
interface Previous {
  customerCells: string | null;
  orderCells: string | null;
  customerKey: string | null;
  orderedAt: string | null;
}

/** Per customer key: the index of the read last sent for that customer. */
interface CustomerState {
  lastRead: number;
}

/** A customer's cells already read: the index of that read, the customer's key and state (null: anonymous). */
interface KnownCustomer {
  index: number;
  key: string | null;
  state: CustomerState | null;
}

/**
 * The reader of one file's ticket lines into `out`. `lineKey` gives `line:<hash>#<n>` for a line
 * without a ticket number (n counts identical lines of the file).
 */
export function createTicketLineReader(fields: LineFields, lineKey: (cells: string[]) => string, out: TicketBatchBuilder): () => void {
  const customerGroup = fields.group(CUSTOMER_FIELDS);
  const orderGroup = fields.group(ORDER_FIELDS);
  const readPerformance = cachedPerformanceReader(fields);
  const kindOf = createTariffKindCache();
  const performanceIndexes = new Map<PerformanceRead, number>();
  const knownCustomers = new CellsMemo<KnownCustomer>(CUSTOMER_MEMO_LIMIT);
  const customerNumber = fields.mapping.customerId;
  const states = new Map<string, CustomerState>();
  const stateOf = (key: string) => {
    let state = states.get(key);
    if (state === undefined) states.set(detach(key), (state = { lastRead: -1 }));
    return state;
  };
  let customerReads = 0;
  const previous: Previous = { customerCells: null, orderCells: null, customerKey: null, orderedAt: null };

  return () => {
    const performance = readPerformance();
    const tariff = fields.text('tariff');
    const category = fields.text('tariffCategory');
    const subscription = fields.text('subscription');
    const seats = fields.seats();
    let cents = unitCentsOf(fields, seats);
    if (cents === null) {
      // An invitation exported with an empty price is free; any other line needs its price.
      if (kindOf(tariff, category, subscription) !== 'free') {
        throw new LineReject('Montant manquant', fields.mapping.unitPrice ?? fields.mapping.lineAmount ?? null);
      }
      cents = 0;
    }
    // The order's cells repeat those of the line before (read well then): so does its date.
    const orderCells = fields.groupKey(orderGroup);
    const sameOrderCells = orderCells === previous.orderCells;
    const orderedAt = sameOrderCells ? previous.orderedAt : fields.dateTime('orderDate', 'orderTime', false);

    const customerCells = fields.groupKey(customerGroup);
    const sameCustomer = customerCells === previous.customerCells;
    let customer = SAME_CUSTOMER;
    let customerKey = sameCustomer ? previous.customerKey : null;
    let flags = 0;
    let known: KnownCustomer | undefined;
    let customerLookup = '';
    let read: ReturnType<typeof readCustomer> = null;
    if (!sameCustomer) {
      customerLookup = CellsMemo.lookupOf(customerNumber === undefined ? undefined : fields.cell(customerNumber), customerCells);
      known = knownCustomers.get(customerLookup, customerCells);
      if (known !== undefined && (known.state === null || known.state.lastRead === known.index)) {
        customerKey = known.key;
        customer = known.key === null ? NO_CUSTOMER : known.index;
      } else {
        // Cells never read, or a customer whose last read was another: read (again) and sent.
        read = readCustomer(fields);
        customerKey = read?.key ?? null;
        customer = read === null ? NO_CUSTOMER : (known?.index ?? customerReads);
        if (read !== null) flags |= BRINGS_CUSTOMER;
      }
    }

    const state = fields.text('state');
    const isReversal = isCancelledState(state) || cents < 0 || seats < 0;
    const kind: TariffKind = cents === 0 ? 'free' : kindOf(tariff, category, subscription);
    const ticketId = fields.text('ticketId');
    const tKey = ticketKey(ticketId, ticketId === '' ? lineKey(fields.cells) : null, isReversal);
    const orderId = fields.text('orderId');

    // The line is read: from here on it is in the batch.
    let performanceIndex = performanceIndexes.get(performance);
    if (performanceIndex === undefined) {
      performanceIndex = performanceIndexes.size;
      performanceIndexes.set(performance, performanceIndex);
      out.addPerformance(performance);
    }
    if (!sameCustomer && known === undefined) {
      const key = customerKey === null ? null : detach(customerKey);
      known = { index: customer, key, state: null };
      // The memo starting again forgets which read each customer had last, too.
      if (!knownCustomers.add(customerLookup, customerCells, known)) states.clear();
      if (key !== null) known.state = stateOf(key);
      if (read !== null) customerReads++;
    }
    if (read !== null) {
      out.addCustomer(read);
      known!.state!.lastRead = customer;
    }
    const order =
      sameCustomer && orderId !== '' && sameOrderCells
        ? SAME_ORDER
        : out.addOrder(orderKey(orderId, customerKey, orderedAt, tKey), orderedAt, fields.text('channel'));
    out.addLine(performanceIndex, customer, order, tKey, tariff, state, kind, cents, seats, flags | (isReversal ? REVERSAL : 0));
    previous.customerCells = customerCells;
    previous.orderCells = orderCells;
    previous.customerKey = customerKey;
    previous.orderedAt = orderedAt;
  };
}
