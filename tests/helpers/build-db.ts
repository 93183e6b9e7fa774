/**
 * A tiny builder that writes customers, shows, performances, orders and tickets straight into a
 * database, for hand-computed indicator cases. Independent of the importer on purpose: the
 * indicators are tested on rows we chose, not on what a parser made of a file.
 */
import type Database from 'better-sqlite3';
import { DEFAULT_SEASON_START_MONTH, seasonYearOf } from '../../shared/season.js';

type TariffKind = 'full' | 'reduced' | 'subscription' | 'free';

export interface CustomerSpec {
  key?: string;
  lastName?: string | null;
  firstName?: string | null;
  email?: string | null;
  postalCode?: string | null;
  city?: string | null;
  title?: string | null;
  phone?: string | null;
  address1?: string | null;
  address2?: string | null;
  address3?: string | null;
  country?: string | null;
  consentEmail?: 0 | 1 | null;
  consentEmailAt?: string | null;
  consentEmailSource?: string | null;
}

export interface TicketSpec {
  order: number;
  performance: number;
  /** Unit price in cents. */
  price: number;
  seats?: number;
  cancelledSeats?: number;
  tariff?: string | null;
  /** Defaults to free at price 0, else full. */
  kind?: TariffKind;
  /** A reversal line (state A): counts nothing; `reverses` is the sale it cancels, if matched. */
  reversal?: boolean;
  reverses?: number | null;
  key?: string;
}

export class DbBuilder {
  private n = 0;

  /** `keyPrefix` keeps the generated source keys apart from rows already in the database. */
  constructor(
    readonly sqlite: Database.Database,
    readonly startMonth: number = DEFAULT_SEASON_START_MONTH,
    readonly keyPrefix = '',
  ) {}

  private next(prefix: string): string {
    return `${this.keyPrefix}${prefix}${++this.n}`;
  }

  private insert(table: string, row: Record<string, unknown>): number {
    const columns = Object.keys(row);
    const sql = `INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`;
    return Number(this.sqlite.prepare(sql).run(...columns.map((c) => row[c])).lastInsertRowid);
  }

  customer(spec: CustomerSpec = {}): number {
    return this.insert('customers', {
      source_key: spec.key ?? this.next('C'),
      last_name: spec.lastName ?? null,
      first_name: spec.firstName ?? null,
      email: spec.email ?? null,
      postal_code: spec.postalCode ?? null,
      city: spec.city ?? null,
      title: spec.title ?? null,
      phone: spec.phone ?? null,
      address1: spec.address1 ?? null,
      address2: spec.address2 ?? null,
      address3: spec.address3 ?? null,
      country: spec.country ?? null,
      consent_email: spec.consentEmail ?? null,
      consent_email_at: spec.consentEmailAt ?? null,
      consent_email_source: spec.consentEmailSource ?? null,
    });
  }

  show(title = 'Spectacle', discipline: string | null = 'Théâtre', key?: string): number {
    return this.insert('shows', { source_key: key ?? this.next('S'), title, discipline });
  }

  performance(spec: { show: number; startsAt: string; capacity?: number | null; vatBp?: number | null; hall?: string | null; key?: string }): number {
    return this.insert('performances', {
      source_key: spec.key ?? this.next('P'),
      show_id: spec.show,
      starts_at: spec.startsAt,
      season_year: seasonYearOf(spec.startsAt, this.startMonth),
      hall: spec.hall ?? null,
      capacity: spec.capacity ?? null,
      vat_rate_bp: spec.vatBp ?? null,
    });
  }

  /** `customer` null is an anonymous counter sale. */
  order(customer: number | null, orderedAt: string | null, spec: { key?: string; channel?: string | null } = {}): number {
    const id = this.insert('orders', {
      source_key: spec.key ?? this.next('O'),
      customer_id: customer,
      ordered_at: orderedAt,
      channel: spec.channel ?? null,
    });
    return id;
  }

  /** The id of the tariff `name` ('' for none) of `kind`, created if new. */
  tariff(name: string, kind: TariffKind): number {
    const known = this.sqlite.prepare('SELECT id FROM tariffs WHERE name = ? AND kind = ?').pluck().get(name, kind) as number | undefined;
    return known ?? this.insert('tariffs', { name, kind });
  }

  ticket(spec: TicketSpec): number {
    const seats = spec.seats ?? 1;
    const cancelled = spec.cancelledSeats ?? 0;
    const reversal = spec.reversal ?? false;
    return this.insert('tickets', {
      source_key: spec.key ?? this.next('T'),
      order_id: spec.order,
      performance_id: spec.performance,
      tariff_id: this.tariff(spec.tariff ?? '', spec.kind ?? (spec.price === 0 ? 'free' : 'full')),
      unit_price_cents: spec.price,
      seats,
      is_reversal: reversal ? 1 : 0,
      cancelled_seats: cancelled,
      reverses_ticket_id: spec.reverses ?? null,
      valid_seats: reversal ? 0 : seats - cancelled,
      state: reversal ? 'A' : null,
    });
  }

  /** One order of one customer with one ticket line: the common case of the tests. */
  buy(customer: number | null, performance: number, price: number, orderedAt: string, seats = 1): number {
    const order = this.order(customer, orderedAt);
    this.ticket({ order, performance, price, seats });
    return order;
  }
}
