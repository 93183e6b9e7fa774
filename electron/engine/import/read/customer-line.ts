/**
 * The customer columns of a line (customers file or flat ticket-lines file) → a customer row.
 * Reading (which may reject the line) is separate from writing, so that a rejected line writes
 * nothing.
 */
import type { ImportField } from '../../../../shared/import-fields.js';
import { customerSearchText } from '../../kpi/search-text.js';
import type { LineFields } from './fields.js';
import { customerKey } from './identity.js';
import type { EntityStore, Value } from '../write/stores.js';
import { parseConsent } from './values.js';

export const CUSTOMER_COLUMNS = [
  'title',
  'last_name',
  'first_name',
  'email',
  'phone',
  'address1',
  'address2',
  'address3',
  'postal_code',
  'city',
  'country',
  'consent_email',
  'consent_email_at',
  'consent_email_source',
  'consent_sms',
  'consent_sms_at',
  'consent_sms_source',
  'consent_post',
  'consent_post_at',
  'consent_post_source',
] as const;
/** The customer columns whose values repeat from customer to customer (see StoreOptions.shared). */
export const CUSTOMER_SHARED_COLUMNS: readonly string[] = [
  'title',
  'postal_code',
  'city',
  'country',
  'consent_email_at',
  'consent_email_source',
  'consent_sms_at',
  'consent_sms_source',
  'consent_post_at',
  'consent_post_source',
];
const PLAIN_FIELDS: ImportField[] = ['title', 'lastName', 'firstName', 'email', 'phone', 'address1', 'address2', 'address3', 'postalCode', 'city', 'country'];
const FIRST_CONSENT = PLAIN_FIELDS.length;
const CHANNELS: [ImportField, ImportField][] = [
  ['consentEmail', 'consentEmailDate'],
  ['consentSms', 'consentSmsDate'],
  ['consentPost', 'consentPostDate'],
];

/** Search text of customer values: [title, last, first, email, phone, a1, a2, a3, postal, city, ...]. */
function searchTextOf(v: readonly Value[]): string {
  return customerSearchText({
    lastName: v[1] as string | null,
    firstName: v[2] as string | null,
    email: v[3] as string | null,
    postalCode: v[8] as string | null,
    city: v[9] as string | null,
  });
}

/**
 * Search text and import id from the merged values. A new customer comes with its search text
 * computed already (`hint`, see CustomerRead.searchText): its merged values are the read's own.
 */
export function customerDerived(importId: number) {
  return {
    columns: ['search_text', 'last_import_id'] as const,
    values: (v: Value[], isNew: boolean, hint?: Value): Value[] => [isNew && typeof hint === 'string' ? hint : searchTextOf(v), importId],
  };
}

export interface CustomerRead {
  key: string;
  vals: Value[];
  /** Per channel: consent read (1, 0 or null) and the source column's text. */
  consents: { value: number | null; at: string | null }[];
  source: string;
  /**
   * The search text of these values, which a new customer is written with: computed where the
   * line is read (in the parse worker, for a large file) rather than on the engine thread, where
   * it cost ~0.5 s of a million-line import.
   */
  searchText: string;
}

const HAS_CUSTOMER_FIELD: ImportField[] = ['customerId', 'lastName', 'firstName', 'email'];

export function hasCustomerColumns(fields: LineFields): boolean {
  return HAS_CUSTOMER_FIELD.some((f) => fields.has(f));
}

/** The customer of a line, or null for an anonymous counter sale (or no customer columns). */
export function readCustomer(fields: LineFields): CustomerRead | null {
  const consents = CHANNELS.map(([value, date]) => {
    const text = fields.text(value);
    const at = fields.dateTime(date, null, false) ?? fields.dateTime('consentDate', null, false);
    const consent = text === '' ? null : parseConsent(text);
    return { value: consent === null ? null : consent ? 1 : 0, at };
  });
  const key = customerKey({
    customerId: fields.text('customerId'),
    email: fields.text('email'),
    lastName: fields.text('lastName'),
    firstName: fields.text('firstName'),
    postalCode: fields.text('postalCode'),
  });
  if (key === null) return null;
  const vals: Value[] = PLAIN_FIELDS.map((f) => fields.text(f));
  return { key, vals, consents, source: fields.text('consentSource'), searchText: searchTextOf(vals) };
}

/**
 * Writes the customer. A consent's source is the file's source column, else — when the value
 * is new or changed — the file it came from; an unchanged consent keeps its stored date and source.
 */
export function upsertCustomer(store: EntityStore, read: CustomerRead, fileName: string): number {
  const stored = store.get(read.key)?.vals;
  const vals = read.vals.slice();
  read.consents.forEach(({ value, at }, channel) => {
    const base = FIRST_CONSENT + channel * 3;
    if (value === null) {
      vals.push(null, null, null);
      return;
    }
    const changed = !stored || stored[base] !== value;
    vals.push(value, at, read.source !== '' ? read.source : changed ? fileName : null);
  });
  return store.upsert(read.key, vals, read.searchText).id;
}
