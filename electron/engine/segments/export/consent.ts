/**
 * Who may receive a message on a channel: a customer who consented to it (and did not refuse),
 * whose consent is not older than the chosen age, and who has the address the channel needs
 * (an e-mail, a mobile number, a postal address). Everyone else is left out, with the reason,
 * checked in this order: refused, no consent recorded, consent too old (or undated when an age
 * is asked), no address.
 */
import type { ConsentChannel } from '../../../../shared/segments-criteria.js';
import type { ExclusionReason } from '../../../../shared/segments-types.js';
import { internationalPhone, isMobile } from './phone.js';

export interface ContactRow {
  id: number;
  key: string;
  title: string | null;
  lastName: string | null;
  firstName: string | null;
  email: string | null;
  phone: string | null;
  address1: string | null;
  address2: string | null;
  address3: string | null;
  postalCode: string | null;
  city: string | null;
  country: string | null;
  consentEmail: number | null;
  consentEmailAt: string | null;
  consentSms: number | null;
  consentSmsAt: string | null;
  consentPost: number | null;
  consentPostAt: string | null;
  lifetimeValueCents: number | null;
  orders: number | null;
  lastPurchase: string | null;
}

export const CONTACT_COLUMNS = `
  c.id, c.source_key AS key, c.title, c.last_name AS lastName, c.first_name AS firstName, c.email, c.phone,
  c.address1, c.address2, c.address3, c.postal_code AS postalCode, c.city, c.country,
  c.consent_email AS consentEmail, c.consent_email_at AS consentEmailAt,
  c.consent_sms AS consentSms, c.consent_sms_at AS consentSmsAt,
  c.consent_post AS consentPost, c.consent_post_at AS consentPostAt,
  s.lifetime_value_cents AS lifetimeValueCents, s.orders, s.last_purchase AS lastPurchase`;

const filled = (text: string | null) => !!text && text.trim() !== '';

export function hasAddressFor(channel: ConsentChannel, row: ContactRow): boolean {
  switch (channel) {
    case 'email':
      return !!row.email && /^[^@\s]+@[^@\s]+$/.test(row.email.trim());
    case 'sms':
      return isMobile(internationalPhone(row.phone));
    case 'post':
      return filled(row.address1) && filled(row.postalCode) && filled(row.city);
  }
}

function consentOf(channel: ConsentChannel, row: ContactRow): { granted: number | null; at: string | null } {
  if (channel === 'email') return { granted: row.consentEmail, at: row.consentEmailAt };
  if (channel === 'sms') return { granted: row.consentSms, at: row.consentSmsAt };
  return { granted: row.consentPost, at: row.consentPostAt };
}

/** `YYYY-MM-DD` `years` years before `today`. */
export function yearsBefore(today: string, years: number): string {
  return `${String(Number(today.slice(0, 4)) - years).padStart(4, '0')}${today.slice(4, 10)}`;
}

/** Null when the customer may receive a message on the channel, else why not. */
export function exclusionReason(
  channel: ConsentChannel,
  row: ContactRow,
  options: { maxConsentAgeYears?: number; today: string },
): ExclusionReason | null {
  const { granted, at } = consentOf(channel, row);
  if (granted === 0) return 'refused';
  if (granted !== 1) return 'noConsent';
  if (options.maxConsentAgeYears !== undefined) {
    if (!at || at.slice(0, 10) < yearsBefore(options.today, options.maxConsentAgeYears)) return 'tooOld';
  }
  if (!hasAddressFor(channel, row)) return 'noAddress';
  return null;
}
