/**
 * Phone numbers in international form (E.164: `+33612345678`), as Brevo's SMS column wants them.
 * French national numbers (10 digits starting with 0) become +33; `00` becomes `+`. Only mobiles
 * receive an SMS: French 06 / 07, or any number already written with its country code.
 */
export function internationalPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const compact = raw.replace(/[\s.\-()/]/g, '');
  if (/^\+\d{6,15}$/.test(compact)) return compact.replace(/^\+330/, '+33');
  if (/^00\d{6,15}$/.test(compact)) return `+${compact.slice(2)}`;
  if (/^0\d{9}$/.test(compact)) return `+33${compact.slice(1)}`;
  return null;
}

export function isMobile(international: string | null): boolean {
  if (!international) return false;
  if (international.startsWith('+33')) return /^\+33[67]\d{8}$/.test(international);
  return true;
}
