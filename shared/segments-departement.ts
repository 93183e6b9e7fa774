/**
 * The département of a French postal code by the rule of its first digits: the first two, except
 * Corsica (20000–20199 → 2A, 20200–20699 → 2B) and overseas (971–976 from 97x). Codes that are
 * not 5 digits give null. The engine looks a code up in the administrative reference first
 * (electron/engine/reports/geography.ts, which the segments' criterion uses too) and falls back
 * on this rule only for codes the reference does not list, such as CEDEX codes.
 */
export function departementOfPostalCode(postalCode: string | null | undefined): string | null {
  if (!postalCode) return null;
  const code = postalCode.replace(/\s/g, '');
  if (!/^\d{5}$/.test(code)) return null;
  if (code.startsWith('20')) return Number(code) < 20200 ? '2A' : '2B';
  if (code.startsWith('97') || code.startsWith('98')) return code.slice(0, 3);
  return code.slice(0, 2);
}
