/**
 * The two TEMP tables every criterion reads, rebuilt once per data version (kpi/data-version.ts:
 * every import or settings change bumps it), so they never disagree with the data and add
 * nothing to an import:
 *
 * - `seg_customers`: one narrow row per customer — its materialised indicators (customer_stats),
 *   first season (customer_seasons), consents, whether it has an e-mail, a phone, an address,
 *   its département and folded city — so that a count scans 110,000 small rows and calls no
 *   JavaScript per row.
 * - `seg_facts`: one row per identified customer × performance × sales channel × tariff kind
 *   with valid seats — the tickets the criteria ask about (disciplines, shows, companies,
 *   seasons, channels, tariff kinds, performances attended), indexed by what they filter on.
 *
 * Valid tickets exactly as DOMAIN.md counts them: valid seats only (cancelled lines and their
 * reversals count 0); a ticket's season is its performance's, its customer its order's; a
 * ticket at price 0 is of kind free whatever its tariff says. The tickets are read once in
 * JavaScript (kpi/each-row.ts), as the indicator rebuild does: SQLite's GROUP BY over a
 * million joined rows costs seconds.
 */
import type Database from 'better-sqlite3';
import { dataVersion } from '../kpi/data-version.js';
import { forEachRow } from '../kpi/each-row.js';
import { registerSegmentFunctions } from './sql-functions.js';

/** Contact details, exactly as the export checks them (export/consent.ts) only for hasEmail's '@'. */
export const HAS_EMAIL = "instr(trim(COALESCE(c.email, '')), '@') > 1";
export const HAS_PHONE = "length(trim(COALESCE(c.phone, ''))) > 0";
export const HAS_ADDRESS =
  "(length(trim(COALESCE(c.address1, ''))) > 0 AND length(trim(COALESCE(c.postal_code, ''))) > 0 AND length(trim(COALESCE(c.city, ''))) > 0)";

/**
 * Seasons as bits of one integer per customer (bit k: season `base` + k, up to 52 seasons: exact in a JavaScript number), so
 * that « bought in », « not in » and « subscriber in » test a bit instead of a subquery.
 * `base` is the first season with a performance; a season outside them falls back to a subquery.
 */
const seasonBases = new WeakMap<Database.Database, number>();
export function seasonBase(sqlite: Database.Database): number {
  return seasonBases.get(sqlite) ?? 0;
}
export const SEASON_BITS = 52;

const CUSTOMERS = [
  'DROP TABLE IF EXISTS temp.seg_customers',
  `CREATE TEMP TABLE seg_customers (
     id INTEGER PRIMARY KEY, has_stats INTEGER NOT NULL, ltv INTEGER NOT NULL, orders INTEGER NOT NULL,
     tickets INTEGER, active_seasons INTEGER, last_purchase TEXT, first_season INTEGER,
     season_mask INTEGER NOT NULL, subscriber_mask INTEGER NOT NULL,
     consent_email INTEGER, consent_sms INTEGER, consent_post INTEGER,
     consent_email_at TEXT, consent_sms_at TEXT, consent_post_at TEXT,
     has_email INTEGER NOT NULL, has_phone INTEGER NOT NULL, has_address INTEGER NOT NULL,
     departement TEXT, postal_code TEXT, city_folded TEXT)`,
  `INSERT INTO temp.seg_customers
   SELECT c.id, s.customer_id IS NOT NULL, COALESCE(s.lifetime_value_cents, 0), COALESCE(s.orders, 0),
          s.tickets, s.active_seasons, s.last_purchase, f.first_season, COALESCE(f.seasons, 0), COALESCE(f.subscribed, 0),
          c.consent_email, c.consent_sms, c.consent_post, c.consent_email_at, c.consent_sms_at, c.consent_post_at, ${HAS_EMAIL}, ${HAS_PHONE}, ${HAS_ADDRESS},
          parterre_departement(c.postal_code), replace(c.postal_code, ' ', ''), parterre_fold(c.city)
   FROM customers c
   LEFT JOIN customer_stats s ON s.customer_id = c.id
   LEFT JOIN (SELECT customer_id, MIN(season_year) AS first_season,
                     SUM(CASE WHEN season_year - ? BETWEEN 0 AND 51 THEN 1 << (season_year - ?) ELSE 0 END) AS seasons,
                     SUM(CASE WHEN subscription_tickets > 0 AND season_year - ? BETWEEN 0 AND 51 THEN 1 << (season_year - ?) ELSE 0 END) AS subscribed
              FROM customer_seasons GROUP BY customer_id) f ON f.customer_id = c.id
   ORDER BY c.id`,
];

const FACTS = [
  'DROP TABLE IF EXISTS temp.seg_facts',
  `CREATE TEMP TABLE seg_facts (
     customer_id INTEGER NOT NULL, performance_id INTEGER NOT NULL, show_id INTEGER NOT NULL,
     season_year INTEGER NOT NULL, day TEXT NOT NULL, channel TEXT NOT NULL, tariff_kind TEXT NOT NULL,
     seats INTEGER NOT NULL)`,
];
const FACT_INDEXES = [
  'CREATE INDEX temp.seg_facts_show ON seg_facts (show_id, season_year, customer_id, performance_id)',
  'CREATE INDEX temp.seg_facts_season ON seg_facts (season_year, customer_id)',
  'CREATE INDEX temp.seg_facts_customer ON seg_facts (customer_id)',
];
const KINDS = ['full', 'reduced', 'subscription', 'free'];
const ROWS_PER_INSERT = 200;

/** Reads the valid tickets once and writes the distinct customer × performance × channel × kind rows. */
function fillFacts(sqlite: Database.Database): void {
  const perfRows = sqlite.prepare('SELECT id, show_id, season_year, substr(starts_at, 1, 10) FROM performances').raw().all() as [number, number, number, string][];
  const maxPerf = perfRows.reduce((m, [id]) => Math.max(m, id), 0);
  const perfShow = new Int32Array(maxPerf + 1);
  const perfSeason = new Int32Array(maxPerf + 1);
  const perfDay: string[] = new Array<string>(maxPerf + 1).fill('');
  for (const [id, show, season, day] of perfRows) {
    perfShow[id] = show;
    perfSeason[id] = season;
    perfDay[id] = day;
  }
  const tariffs = sqlite.prepare('SELECT id, kind FROM tariffs').raw().all() as [number, string][];
  const tariffKind = new Uint8Array(tariffs.reduce((m, [id]) => Math.max(m, id), 0) + 1);
  for (const [id, kind] of tariffs) tariffKind[id] = Math.max(0, KINDS.indexOf(kind));

  const maxOrder = (sqlite.prepare('SELECT MAX(id) FROM orders').pluck().get() as number | null) ?? 0;
  const orderCustomer = new Int32Array(maxOrder + 1);
  const orderChannel = new Uint16Array(maxOrder + 1);
  const channels: string[] = [''];
  const channelIds = new Map<string, number>([['', 0]]);
  forEachRow(sqlite, ['id', 'customer_id', "COALESCE(channel, '')"], 'orders WHERE customer_id IS NOT NULL', (id: number, customer: number, channel: string) => {
    orderCustomer[id] = customer;
    let c = channelIds.get(channel);
    if (c === undefined) {
      c = channels.length;
      channels.push(channel);
      channelIds.set(channel, c);
    }
    orderChannel[id] = c;
  });

  // Key: ((customer × performances + performance) × channels + channel) × 4 + kind — below 2^53 for any real file.
  const seats = new Map<number, number>();
  const perfs = maxPerf + 1;
  const nChannels = Math.max(1, channels.length);
  forEachRow(
    sqlite,
    ['order_id', 'performance_id', 'tariff_id', 'unit_price_cents', 'valid_seats'],
    'tickets WHERE valid_seats > 0',
    (order: number, perf: number, tariff: number, price: number, valid: number) => {
      const customer = orderCustomer[order];
      if (customer === 0) return;
      const kind = price === 0 ? 3 : tariffKind[tariff];
      const key = ((customer * perfs + perf) * nChannels + orderChannel[order]) * 4 + kind;
      seats.set(key, (seats.get(key) ?? 0) + valid);
    },
  );

  const one = `(${Array.from({ length: 8 }, () => '?').join(', ')})`;
  const batch = sqlite.prepare(`INSERT INTO temp.seg_facts VALUES ${Array.from({ length: ROWS_PER_INSERT }, () => one).join(', ')}`);
  const single = sqlite.prepare(`INSERT INTO temp.seg_facts VALUES ${one}`);
  const values: (string | number)[] = new Array(ROWS_PER_INSERT * 8);
  let n = 0;
  for (const [key, count] of seats) {
    const kind = key % 4;
    const rest = (key - kind) / 4;
    const channel = rest % nChannels;
    const cp = (rest - channel) / nChannels;
    const perf = cp % perfs;
    const customer = (cp - perf) / perfs;
    const at = n * 8;
    values[at] = customer;
    values[at + 1] = perf;
    values[at + 2] = perfShow[perf];
    values[at + 3] = perfSeason[perf];
    values[at + 4] = perfDay[perf];
    values[at + 5] = channels[channel];
    values[at + 6] = KINDS[kind];
    values[at + 7] = count;
    if (++n === ROWS_PER_INSERT) {
      batch.run(values);
      n = 0;
    }
  }
  for (let i = 0; i < n; i++) single.run(values.slice(i * 8, i * 8 + 8));
}

const builtFor = new WeakMap<Database.Database, string>();

/**
 * The state of the data the tables were built from: this connection's indicator rebuilds
 * (data-version.ts) and other connections' commits (`PRAGMA data_version`, e.g. a command-line
 * import while the app is open). Writes that bypass both (tests writing rows directly) must
 * call bumpDataVersion, as for every cache of the indicators.
 */
function stampOf(sqlite: Database.Database): string {
  return `${dataVersion(sqlite)}:${sqlite.pragma('data_version', { simple: true }) as number}`;
}

/** Makes sure the segment tables describe the data as it is now; cheap when they already do. */
export function ensureSegmentFacts(sqlite: Database.Database, onStep?: (step: string, ms: number) => void): void {
  registerSegmentFunctions(sqlite);
  const stamp = stampOf(sqlite);
  if (builtFor.get(sqlite) === stamp) return;
  let start = performance.now();
  const lap = (step: string) => {
    onStep?.(step, performance.now() - start);
    start = performance.now();
  };
  // All or nothing: a failed build leaves no half-filled table behind.
  sqlite.transaction(() => {
    const base = (sqlite.prepare('SELECT MIN(season_year) FROM performances').pluck().get() as number | null) ?? 0;
    sqlite.exec(CUSTOMERS[0]);
    sqlite.exec(CUSTOMERS[1]);
    sqlite.prepare(CUSTOMERS[2]).run(base, base, base, base);
    seasonBases.set(sqlite, base);
    lap('seg_customers');
    for (const sql of FACTS) sqlite.exec(sql);
    fillFacts(sqlite);
    lap('seg_facts');
    for (const sql of FACT_INDEXES) sqlite.exec(sql);
    sqlite.exec('ANALYZE temp.seg_facts');
    lap('indexes');
  })();
  builtFor.set(sqlite, stamp);
}
