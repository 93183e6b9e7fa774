/**
 * Whether a column's values suit a field (value-sniff.ts): a date field wants dates, an amount
 * wants amounts, a seat count small whole numbers, a ticket number values that do not repeat the
 * line above... A factor multiplies the header's score: 1 when the values agree, about 0.3 when
 * they contradict it.
 */
import type { ImportField } from '../../../../shared/import-fields.js';
import type { ValueKind } from '../../../../shared/import-proposal-types.js';
import type { ColumnStats } from './value-sniff.js';

const DATE: ValueKind[] = ['date', 'datetime'];
const IDENTIFIER: ValueKind[] = ['identifier', 'integer', 'text'];
const YES_NO: ValueKind[] = ['yesNo', 'integer', 'text'];

const EXPECTS: Partial<Record<ImportField, readonly ValueKind[]>> = {
  orderDate: DATE,
  performanceDate: DATE,
  consentDate: DATE,
  consentEmailDate: DATE,
  consentSmsDate: DATE,
  consentPostDate: DATE,
  orderTime: ['time'],
  performanceTime: ['time'],
  unitPrice: ['amount', 'integer'],
  lineAmount: ['amount', 'integer'],
  seats: ['integer'],
  capacity: ['integer'],
  vatRate: ['amount', 'integer'],
  email: ['email'],
  phone: ['phone', 'integer'],
  postalCode: ['postalCode', 'integer'],
  consentEmail: YES_NO,
  consentSms: YES_NO,
  consentPost: YES_NO,
  ticketId: IDENTIFIER,
  orderId: IDENTIFIER,
  customerId: IDENTIFIER,
  performanceId: IDENTIFIER,
  showId: IDENTIFIER,
};

/** Kinds no free-text field (name, tariff, title...) holds. */
const NOT_TEXT: readonly ValueKind[] = ['date', 'datetime', 'amount', 'email', 'time'];

export interface ValueFit {
  factor: number;
  /** Said in the reason when the values tell something. */
  note: string | null;
}

export function valueFit(field: ImportField, p: ColumnStats): ValueFit {
  if (p.kind === 'empty') return { factor: 0.85, note: 'colonne vide dans les premières lignes' };
  const expects = EXPECTS[field];
  const note = `valeurs : ${p.description}`;
  if (field === 'seats') {
    // Half small whole numbers at least: a damaged cell or two in the sample (an absurd count, a
    // line a stray quote shifted) are their lines' to reject, not the column's; identifiers have none.
    const small = p.smallIntegers >= 0.5;
    return { factor: small ? 1 : 0.3, note };
  }
  if (field === 'ticketId' && p.adjacentRepeat > 0.3) {
    return { factor: 0.5, note: `${note} (un numéro de billet ne se répète pas d'une ligne à l'autre)` };
  }
  if (field === 'postalCode' && p.kind === 'integer' && (p.shares.postalCode ?? 0) < 0.8) return { factor: 0.4, note };
  if (expects) {
    if (expects.includes(p.kind)) return { factor: 1, note };
    // Some values of the expected kind (a few unreadable dates among good ones): not a contradiction.
    const share = Math.max(...expects.map((k) => p.shares[k] ?? 0));
    if (share >= 0.2) return { factor: 0.9, note: `valeurs en partie illisibles (${Math.round(share * 100)} % lisibles)` };
    return { factor: 0.3, note };
  }
  return NOT_TEXT.includes(p.kind) ? { factor: 0.3, note } : { factor: 0.95, note: null };
}
