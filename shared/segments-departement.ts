/**
 * The département of a French postal code, for the segments' « département » criterion.
 * A simple rule of our own, not the administrative reference (@etalab/decoupage-administratif,
 * which the season report's geography uses): the first two digits, except Corsica (20000–20199
 * → 2A, 20200–20699 → 2B) and overseas (971–976 from 97x). Codes that are not 5 digits give null.
 * Known simplification: a few communes straddle (e.g. 05110 is in 04), as with every 2-digit rule.
 */
export function departementOfPostalCode(postalCode: string | null | undefined): string | null {
  if (!postalCode) return null;
  const code = postalCode.replace(/\s/g, '');
  if (!/^\d{5}$/.test(code)) return null;
  if (code.startsWith('20')) return Number(code) < 20200 ? '2A' : '2B';
  if (code.startsWith('97') || code.startsWith('98')) return code.slice(0, 3);
  return code.slice(0, 2);
}
