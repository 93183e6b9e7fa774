/** Customer indicators: the list, one record, and the quartile cut points of the bands. */
import type { HandlerTable } from '../context.js';
import { customerQuartiles } from '../kpi/customer-quartiles.js';
import { listCustomers } from '../kpi/customer-list.js';
import { customerRecord } from '../kpi/customer-record.js';
import { customerIds } from '../segments/query.js';
import { getSegment } from '../segments/store.js';
import { getSeasonStartMonth } from '../settings.js';

export const customerHandlers: HandlerTable<'customers.list' | 'customers.get' | 'customers.quartiles'> = {
  'customers.list': (input, { db }) =>
    listCustomers(
      db.sqlite,
      input,
      input.segmentId === undefined ? {} : { only: customerIds(db.sqlite, getSegment(db.sqlite, input.segmentId).criteria) },
    ),
  'customers.get': (input, { db }) => customerRecord(db.sqlite, input, getSeasonStartMonth(db.sqlite)),
  'customers.quartiles': (_input, { db }) => customerQuartiles(db.sqlite),
};
