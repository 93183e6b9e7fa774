/**
 * Where a spectator lives, through a real reference (resources/geo/postal-codes.json, built from
 * INSEE's communes and La Poste's postal codes by scripts/build-geo-reference.mjs): the
 * département of a postal code is looked up, never read from its first digits (Corsica is
 * 2A/2B under 20xxx, the overseas départements 971–976 under 97xxx, and some postal codes
 * straddle two départements).
 */
import reference from '../../../resources/geo/postal-codes.json' with { type: 'json' };
import { departementOfPostalCode as departementByRule } from '../../../shared/segments-departement.js';

interface Reference {
  departements: Record<string, string>;
  postalCodes: Record<string, [string, string]>;
}
const table = reference as unknown as Reference;

export interface Place {
  /** INSEE département code; null when the postal code is unknown or the address is abroad. */
  departement: string | null;
  /** The commune's official name, or the city as written when the reference cannot tell. */
  commune: string;
}

export function departementName(code: string): string {
  return table.departements[code] ?? code;
}

/** Accent-, case-, hyphen- and « Saint »/« St »-insensitive, to match a city as typed to a commune's name. */
function plain(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\bste?\b/g, (m) => (m === 'st' ? 'saint' : 'sainte'))
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * The place of a (country, postal code, city) as season_places stores them (country '' is
 * France). Among several communes sharing a postal code, the one whose name matches the city;
 * else the city as written.
 */
export function placeOf(country: string, postalCode: string, city: string): Place {
  if (country !== '') return { departement: null, commune: city };
  const entry = table.postalCodes[postalCode];
  if (!entry) return { departement: null, commune: city };
  const [departement, names] = entry;
  const communes = names.split('|');
  if (communes.length === 1) return { departement, commune: communes[0] };
  const wanted = plain(city);
  const match = communes.find((name) => plain(name) === wanted);
  return { departement, commune: match ?? (city || postalCode) };
}

/**
 * The département of a French postal code, for criteria that have only the code (the segments'):
 * the reference's, else — for a code it does not list, such as a CEDEX code — the rule of its
 * first digits (shared/segments-departement.ts). A 4-digit code has lost its leading zero.
 */
export function departementOfPostalCode(postalCode: string | null | undefined): string | null {
  const code = (postalCode ?? '').replace(/\s/g, '');
  const full = /^\d{4}$/.test(code) ? `0${code}` : code;
  return table.postalCodes[full]?.[0] ?? departementByRule(full);
}
