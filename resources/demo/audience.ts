/**
 * The demo's customer file and how each customer behaves over the seasons: a loyal core that
 * comes back season after season (and often subscribes), regulars who skip seasons (so some are
 * "reactivated"), and many one-off spectators.
 */
import { FEMALE_FIRST_NAMES, LAST_NAMES, MALE_FIRST_NAMES, STREETS, TOWNS } from './catalog.js';
import { dayOf, frenchDate } from './calendar.js';
import { cell, SEPARATOR } from './csv.js';
import type { Random } from './random.js';
import { cp1252Bytes } from './writer.js';

export type Segment = 'core' | 'regular' | 'occasional';

export interface Customer {
  number: number;
  segment: Segment;
  /** Buys for a family: larger orders, children's tariffs at young-audience shows. */
  family: boolean;
  /** Bit s set: active in season s (0-based). */
  activeSeasons: number;
  /** Bit s set: buys a subscription in season s. */
  subscriberSeasons: number;
  /** The customer columns of a ticket line, already quoted, joined and encoded (`cp1252Bytes`). */
  columns: string;
}

/** How often each kind of customer is drawn for an order in a season where they are active. */
export const ORDER_WEIGHT: Record<Segment, number> = { core: 7, regular: 2, occasional: 1 };

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/œ/g, 'oe')
    .toLowerCase()
    .replace(/[^a-z]/g, '');

const EMAIL_DOMAINS = ['orange.fr', 'free.fr', 'gmail.com', 'laposte.net', 'sfr.fr', 'wanadoo.fr', 'yahoo.fr'];

/** A handful of the awkward addresses real files hold: separators, quotes, line breaks. */
const AWKWARD_ADDRESSES: [string, string][] = [
  ['12 rue des Granges', 'Bât. B; 3e étage'],
  ['Résidence "Les Tilleuls"\nEntrée 2', '4 allée des Érables'],
  ['7 place du Marché', 'Chez Mme Lefèvre; porte 5'],
];

function activity(random: Random, segment: Segment, seasons: number, seasonWeights: readonly number[]): number {
  if (segment === 'occasional') return 1 << random.weighted(seasonWeights);
  const arrival = segment === 'core' && random.chance(0.6) ? 0 : random.weighted(seasonWeights);
  const stay = segment === 'core' ? 0.88 : 0.4;
  let mask = 1 << arrival;
  for (let s = arrival + 1; s < seasons; s++) if (random.chance(stay)) mask |= 1 << s;
  return mask;
}

export function createAudience(random: Random, count: number, seasons: number, seasonWeights: readonly number[]): Customer[] {
  const emailsSeen = new Map<string, number>();
  const customers: Customer[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random.next();
    const segment: Segment = roll < 0.09 ? 'core' : roll < 0.31 ? 'regular' : 'occasional';
    const female = random.chance(0.58);
    const first = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const [postalCode, town] = random.pick(TOWNS);
    let address1 = `${random.int(1, 120)} ${random.pick(STREETS)}`;
    let address2 = random.chance(0.08) ? `Appartement ${random.int(1, 60)}` : '';
    if (i % 997 === 13) [address1, address2] = AWKWARD_ADDRESSES[Math.floor(i / 997) % AWKWARD_ADDRESSES.length];

    let email = '';
    if (random.chance(0.82)) {
      const base = `${ascii(first)}.${ascii(last)}`;
      const seen = emailsSeen.get(base) ?? 0;
      emailsSeen.set(base, seen + 1);
      email = `${base}${seen ? seen + 1 : ''}@${random.pick(EMAIL_DOMAINS)}`;
    }
    const optEmail = email ? (random.chance(0.62) ? 'oui' : 'non') : '';
    const optSms = random.chance(0.5) ? (random.chance(0.3) ? 'oui' : 'non') : '';
    const optPost = random.chance(0.45) ? 'oui' : 'non';
    const optDate =
      optEmail === 'oui' || optSms === 'oui' || optPost === 'oui' ? frenchDate(dayOf(2019, 1, 1) + random.int(0, 2000)) : '';

    const activeSeasons = activity(random, segment, seasons, seasonWeights);
    let subscriberSeasons = 0;
    const subscribeChance = segment === 'core' ? 0.45 : segment === 'regular' ? 0.05 : 0;
    for (let s = 0; s < seasons; s++) if (activeSeasons & (1 << s) && random.chance(subscribeChance)) subscriberSeasons |= 1 << s;

    const number = 100_001 + i;
    const columns = [
      String(number),
      female ? 'Mme' : 'M.',
      last,
      first,
      address1,
      address2,
      postalCode,
      town,
      email,
      optEmail,
      optSms,
      optPost,
      optDate,
    ]
      .map(cell)
      .join(SEPARATOR);
    customers.push({ number, segment, family: random.chance(0.2), activeSeasons, subscriberSeasons, columns: cp1252Bytes(columns) });
  }
  return customers;
}

/** The customers active in a season, each repeated by its order weight: drawing one is a uniform pick. */
export function seasonPool(customers: readonly Customer[], season: number): Int32Array {
  let size = 0;
  for (const c of customers) if (c.activeSeasons & (1 << season)) size += ORDER_WEIGHT[c.segment];
  const pool = new Int32Array(size);
  let at = 0;
  customers.forEach((c, index) => {
    if (!(c.activeSeasons & (1 << season))) return;
    for (let w = 0; w < ORDER_WEIGHT[c.segment]; w++) pool[at++] = index;
  });
  return pool;
}

/** Anonymous counter sale: every customer column empty. */
export const ANONYMOUS_COLUMNS = new Array(13).fill('').join(SEPARATOR);
