/**
 * The Parterre data model (drizzle). Conventions, used everywhere:
 * - money is an integer number of cents;
 * - instants are ISO-8601 text in the venue's local time, no zone: `YYYY-MM-DDTHH:MM:SS`
 *   (dates alone: `YYYY-MM-DD`), so they sort as text;
 * - every imported row keeps the key it had in its source (`source_key`), so a re-import
 *   updates instead of duplicating;
 * - a season is identified by the year it starts in (`season_year` 2024 is the label `2024-2025`);
 *   it is derived from the performance date and the configured start month, never typed.
 * Tables are STRICT: the migration SQL adds the keyword (drizzle-kit does not emit it).
 * The migration also holds, written by hand after `drizzle-kit generate` (which knows neither),
 * the trigger `customers_search_text_stale` (see `customers.searchText`); tests/unit/db checks
 * both, so that a regenerated migration that forgets them fails.
 */
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const imports = sqliteTable('imports', {
  id: integer('id').primaryKey(),
  startedAt: text('started_at').notNull(),
  finishedAt: text('finished_at'),
  /** JSON array of {name, kind, sha256, encoding, separator, lines} for every file of the import. */
  files: text('files').notNull(),
  preset: text('preset'),
  status: text('status', { enum: ['committed', 'dry-run'] }).notNull(),
  linesRead: integer('lines_read').notNull().default(0),
  rejected: integer('rejected').notNull().default(0),
  /** JSON object of every count of the summary (tickets new/updated/unchanged, customers, ...). */
  summary: text('summary').notNull().default('{}'),
});

export const importRejects = sqliteTable(
  'import_rejects',
  {
    id: integer('id').primaryKey(),
    importId: integer('import_id')
      .notNull()
      .references(() => imports.id, { onDelete: 'cascade' }),
    file: text('file').notNull(),
    line: integer('line').notNull(),
    column: integer('column'),
    raw: text('raw').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [index('import_rejects_import').on(t.importId, t.line)],
);

export const customers = sqliteTable(
  'customers',
  {
    id: integer('id').primaryKey(),
    sourceKey: text('source_key').notNull(),
    title: text('title'),
    lastName: text('last_name'),
    firstName: text('first_name'),
    email: text('email'),
    phone: text('phone'),
    address1: text('address1'),
    address2: text('address2'),
    address3: text('address3'),
    postalCode: text('postal_code'),
    city: text('city'),
    country: text('country'),
    /** Consent per channel: 1 yes, 0 no, NULL unknown; with the date and the source it came from. */
    consentEmail: integer('consent_email'),
    consentEmailAt: text('consent_email_at'),
    consentEmailSource: text('consent_email_source'),
    consentSms: integer('consent_sms'),
    consentSmsAt: text('consent_sms_at'),
    consentSmsSource: text('consent_sms_source'),
    consentPost: integer('consent_post'),
    consentPostAt: text('consent_post_at'),
    consentPostSource: text('consent_post_source'),
    /**
     * Lower-cased, accent-free "last first email postal city" for search as one types. The
     * importer writes it with the fields; '' means "to compute": a new row has it, and the
     * trigger `customers_search_text_stale` sets it when an UPDATE changes one of those fields
     * without writing the text. The indicator rebuild then computes only those rows (not all
     * 100,000 through a JavaScript function at every import). A change of the text's definition
     * needs a migration that resets every row to ''.
     */
    searchText: text('search_text').notNull().default(''),
    firstImportId: integer('first_import_id'),
    lastImportId: integer('last_import_id'),
    erasedAt: text('erased_at'),
  },
  (t) => [uniqueIndex('customers_source_key').on(t.sourceKey)],
);

export const shows = sqliteTable(
  'shows',
  {
    id: integer('id').primaryKey(),
    sourceKey: text('source_key').notNull(),
    title: text('title').notNull(),
    discipline: text('discipline'),
    company: text('company'),
    /** The SIBIL domain the user chose for the show; NULL: proposed from the discipline (electron/engine/sibil/domains.ts). */
    sibilDomain: text('sibil_domain'),
  },
  (t) => [uniqueIndex('shows_source_key').on(t.sourceKey)],
);

export const performances = sqliteTable(
  'performances',
  {
    id: integer('id').primaryKey(),
    sourceKey: text('source_key').notNull(),
    showId: integer('show_id')
      .notNull()
      .references(() => shows.id),
    startsAt: text('starts_at').notNull(),
    seasonYear: integer('season_year').notNull(),
    hall: text('hall'),
    capacity: integer('capacity'),
    /** VAT rate in basis points (550 = 5.5 %), NULL when unknown. */
    vatRateBp: integer('vat_rate_bp'),
  },
  (t) => [
    uniqueIndex('performances_source_key').on(t.sourceKey),
    index('performances_season').on(t.seasonYear),
    index('performances_show').on(t.showId),
  ],
);

export const orders = sqliteTable(
  'orders',
  {
    id: integer('id').primaryKey(),
    sourceKey: text('source_key').notNull(),
    /** NULL for an anonymous counter sale. */
    customerId: integer('customer_id').references(() => customers.id),
    orderedAt: text('ordered_at'),
    channel: text('channel'),
  },
  (t) => [uniqueIndex('orders_source_key').on(t.sourceKey), index('orders_customer').on(t.customerId)],
);

/**
 * The tariffs tickets are sold at: a name as the export gives it ('' when it gives none), the kind
 * the import proposed from it (full, reduced, subscription, free: import/propose/tariff-kind.ts)
 * and the kind every figure counts, the user's once confirmed (migration 0004). The same name
 * proposed as two kinds (« Plein tarif » at 0 € is free) is two rows. An import finds a tariff by
 * its name and proposed kind, so a re-import never overwrites the kind the user set. Written by
 * imports, corrected by the user (tariffs.setKind), never deleted. A trigger
 * (`tariffs_proposed_kind_default`) sets the proposed kind of a row inserted without one to its kind.
 */
export const tariffs = sqliteTable(
  'tariffs',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['full', 'reduced', 'subscription', 'free'] }).notNull(),
    proposedKind: text('proposed_kind', { enum: ['full', 'reduced', 'subscription', 'free'] }),
    /** 1 once the user confirmed or corrected `kind` (the SIBIL declaration checks it). */
    kindConfirmed: integer('kind_confirmed').notNull().default(0),
  },
  (t) => [uniqueIndex('tariffs_name_proposed_kind').on(t.name, t.proposedKind)],
);

export const tickets = sqliteTable(
  'tickets',
  {
    id: integer('id').primaryKey(),
    sourceKey: text('source_key').notNull(),
    orderId: integer('order_id')
      .notNull()
      .references(() => orders.id),
    performanceId: integer('performance_id')
      .notNull()
      .references(() => performances.id),
    /*
     * A ticket's customer is its order's and its season its performance's: migration 0002 dropped
     * the copies tickets kept of them, which only the customer record's history read (it joins
     * the performance anyway) and which every import wrote and kept in step.
     */
    /*
     * Migration 0003 dropped `sold_at`, a copy of the order's date that only dated an order
     * without one (DOMAIN.md dates purchases by their orders), and moved the tariff's name and
     * kind into `tariffs`: a million tickets repeated a dozen names (~30 bytes a row), and the
     * narrower row is ~30% cheaper to insert, index and read back.
     */
    tariffId: integer('tariff_id')
      .notNull()
      .references(() => tariffs.id),
    /** Unit price in cents, as in the source (negative on a reversal line). */
    unitPriceCents: integer('unit_price_cents').notNull(),
    /** Seats the line covers (`nbPlaces`), as in the source. */
    seats: integer('seats').notNull(),
    /** The line itself says it is cancelled (state `A`, negative amount or seats): a reversal. */
    isReversal: integer('is_reversal').notNull().default(0),
    /** Seats of this sale that reversal lines cancelled (set by the matching pass). */
    cancelledSeats: integer('cancelled_seats').notNull().default(0),
    /** For a reversal: the sale it cancels, once matched. */
    reversesTicketId: integer('reverses_ticket_id'),
    /** seats - cancelled_seats for a sale, 0 for a reversal: what every indicator counts. */
    validSeats: integer('valid_seats').notNull().default(0),
    state: text('state'),
  },
  /*
   * Few indexes on purpose: each one costs on every ticket inserted (1,000,000 INSERTs take ~2 s
   * with the unique key alone, ~8 s with five indexes). A customer's tickets are reached through
   * `orders_customer` then `tickets_order`; season figures come from the materialised tables (the
   * rebuild reads the tickets sequentially), so neither a (customer, season) nor a season index is
   * kept. `tickets_order` carries the performance too: reversal matching looks a sale up by order
   * and performance, and with the order alone SQLite's planner preferred `tickets_performance`
   * (a thousand rows per lookup instead of a few).
   *
   * No index on `performance_id` alone (dropped in migration 0001): it was the costliest to build
   * (random order, ~0.65 s per million tickets) and nothing looks tickets up by performance. The
   * one place that would need it is deleting performances (archiving a season): each deleted row
   * makes SQLite check the foreign key above, a scan of the tickets without that index, so such a
   * bulk delete creates the index for its own transaction first.
   */
  (t) => [
    uniqueIndex('tickets_source_key').on(t.sourceKey),
    index('tickets_order').on(t.orderId, t.performanceId),
  ],
);

/*
 * subscriptions, customer_seasons, customer_stats and season_stats are materialised by the
 * indicator rebuild (electron/engine/kpi/aggregates.ts) from orders whose own foreign key is
 * checked, and rewritten by each rebuild: no foreign key of their own, whose check on every
 * written row (~400,000 on a first import of 1,000,000 tickets) bought nothing.
 */
export const subscriptions = sqliteTable(
  'subscriptions',
  {
    id: integer('id').primaryKey(),
    customerId: integer('customer_id').notNull(),
    seasonYear: integer('season_year').notNull(),
    /** The subscription formula (tariff name), e.g. "Abonnement 4 spectacles". */
    formula: text('formula').notNull().default(''),
    tickets: integer('tickets').notNull().default(0),
  },
  (t) => [uniqueIndex('subscriptions_customer_season').on(t.customerId, t.seasonYear, t.formula)],
);

/**
 * Materialised per customer and season, rebuilt in the import transaction: what the season and
 * customer indicators read, so that they never scan a million tickets.
 */
export const customerSeasons = sqliteTable(
  'customer_seasons',
  {
    customerId: integer('customer_id').notNull(),
    seasonYear: integer('season_year').notNull(),
    tickets: integer('tickets').notNull(),
    revenueCents: integer('revenue_cents').notNull(),
    orders: integer('orders').notNull(),
    subscriptionTickets: integer('subscription_tickets').notNull(),
  },
  // No season index: nothing reads it by season (the flows are computed by the rebuild), and each
  // index costs on every row the rebuild writes.
  (t) => [primaryKey({ columns: [t.customerId, t.seasonYear] })],
);

/**
 * Materialised per customer over every season: the customer list sorts and filters on it. No
 * secondary index: the list sorts on expressions (COALESCE, IS NULL) that no index serves, a
 * scan of 100,000 short rows takes milliseconds, and three indexes cost ~0.3 s on each first import.
 */
export const customerStats = sqliteTable(
  'customer_stats',
  {
    customerId: integer('customer_id').primaryKey(),
    lifetimeValueCents: integer('lifetime_value_cents').notNull(),
    orders: integer('orders').notNull(),
    tickets: integer('tickets').notNull(),
    activeSeasons: integer('active_seasons').notNull(),
    firstPurchase: text('first_purchase'),
    lastPurchase: text('last_purchase'),
  },
);

/**
 * Materialised per season: ticket and order totals, anonymous sales included, and the spectator
 * flows (identified customers only; new + returning + reactivated = spectators).
 */
export const seasonStats = sqliteTable('season_stats', {
  seasonYear: integer('season_year').primaryKey(),
  tickets: integer('tickets').notNull(),
  ticketsPaid: integer('tickets_paid').notNull(),
  ticketsFree: integer('tickets_free').notNull(),
  revenueCents: integer('revenue_cents').notNull(),
  revenueExclTaxCents: integer('revenue_excl_tax_cents'),
  orders: integer('orders').notNull(),
  capacity: integer('capacity'),
  ticketsWithCapacity: integer('tickets_with_capacity'),
  spectators: integer('spectators').notNull().default(0),
  /** Spectators with no valid ticket in any earlier season. */
  newSpectators: integer('new_spectators').notNull().default(0),
  /** Spectators who were spectators of the season before. */
  returning: integer('returning').notNull().default(0),
  /** Spectators absent from the season before but present in an earlier one. */
  reactivated: integer('reactivated').notNull().default(0),
  /** Customers with a valid subscription-kind ticket in the season. */
  subscribers: integer('subscribers').notNull().default(0),
});

export const importPresets = sqliteTable(
  'import_presets',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    kind: text('kind', { enum: ['tickets', 'customers', 'performances'] }).notNull(),
    /** Normalised header names joined by `|`: how a returning layout is recognised. */
    headerSignature: text('header_signature').notNull(),
    /** JSON object field → column header. */
    mapping: text('mapping').notNull(),
    /** JSON of parse options (separator, encoding, date order) fixed by the user, if any. */
    options: text('options').notNull().default('{}'),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('import_presets_name').on(t.name), index('import_presets_signature').on(t.headerSignature)],
);

export const segments = sqliteTable('segments', {
  id: integer('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON of the criteria tree (shared/segment-criteria). */
  criteria: text('criteria').notNull(),
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
});

export const exportLog = sqliteTable('export_log', {
  id: integer('id').primaryKey(),
  at: text('at').notNull(),
  what: text('what').notNull(),
  target: text('target'),
  rows: integer('rows').notNull(),
  excluded: integer('excluded').notNull().default(0),
  details: text('details').notNull().default('{}'),
});

export const archives = sqliteTable('archives', {
  id: integer('id').primaryKey(),
  seasonYear: integer('season_year').notNull().unique(),
  file: text('file').notNull(),
  createdAt: text('created_at').notNull(),
  tickets: integer('tickets').notNull(),
  checksum: text('checksum').notNull(),
  attached: integer('attached').notNull().default(1),
});

export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});

/*
 * The season report's materialised tables (migration 0005), rebuilt with the others by the
 * indicator rebuild (electron/engine/reports/report-tables.ts): the report reads them instead
 * of a million tickets.
 */

/** Per performance: valid seats, free ones among them, revenue tax included. */
export const performanceStats = sqliteTable('performance_stats', {
  performanceId: integer('performance_id').primaryKey(),
  tickets: integer('tickets').notNull(),
  ticketsFree: integer('tickets_free').notNull(),
  revenueCents: integer('revenue_cents').notNull(),
});

/** Valid seats and revenue of a season by the day their order was placed ('' when undated). */
export const seasonSalesDays = sqliteTable(
  'season_sales_days',
  {
    seasonYear: integer('season_year').notNull(),
    saleDate: text('sale_date').notNull(),
    tickets: integer('tickets').notNull(),
    revenueCents: integer('revenue_cents').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonYear, t.saleDate] })],
);

/** Valid seats of a season sold N days before their performance (dated orders only). */
export const seasonPace = sqliteTable(
  'season_pace',
  {
    seasonYear: integer('season_year').notNull(),
    daysBefore: integer('days_before').notNull(),
    tickets: integer('tickets').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonYear, t.daysBefore] })],
);

/** Spectators of a season by the exact number of distinct performances they attended, and the new ones among them. */
export const seasonLadder = sqliteTable(
  'season_ladder',
  {
    seasonYear: integer('season_year').notNull(),
    performances: integer('performances').notNull(),
    spectators: integer('spectators').notNull(),
    newSpectators: integer('new_spectators').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonYear, t.performances] })],
);

/** Distinct spectators of a season per discipline of the shows they saw ('' for none). */
export const seasonDisciplines = sqliteTable(
  'season_disciplines',
  {
    seasonYear: integer('season_year').notNull(),
    discipline: text('discipline').notNull(),
    spectators: integer('spectators').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonYear, t.discipline] })],
);

/**
 * Spectators of a season and their valid seats by where they live, as the customer file says it:
 * country ('' for France or none), postal code (spaces removed), city. The report maps postal
 * codes to départements and communes through resources/geo/postal-codes.json.
 */
export const seasonPlaces = sqliteTable(
  'season_places',
  {
    seasonYear: integer('season_year').notNull(),
    country: text('country').notNull(),
    postalCode: text('postal_code').notNull(),
    city: text('city').notNull(),
    spectators: integer('spectators').notNull(),
    tickets: integer('tickets').notNull(),
  },
  (t) => [primaryKey({ columns: [t.seasonYear, t.country, t.postalCode, t.city] })],
);
/** Quarters marked as declared to SIBIL: when, with which file, and the totals declared then. */
export const sibilDeclarations = sqliteTable('sibil_declarations', {
  /** `2024-T4`. */
  quarter: text('quarter').primaryKey(),
  declaredAt: text('declared_at').notNull(),
  file: text('file'),
  performances: integer('performances').notNull(),
  tickets: integer('tickets').notNull(),
  revenueCents: integer('revenue_cents').notNull(),
});
