/** Domain types that cross the contract. Money in integer cents, dates as ISO text (see db/schema.ts). */
import type { ColumnMapping, FileKind } from './import-fields.js';
import type { MappingProposal } from './import-proposal-types.js';

export type Encoding = 'utf-8' | 'utf-8-bom' | 'windows-1252';
export type LineEnding = 'crlf' | 'lf' | 'cr';
export type Separator = ';' | ',' | '\t' | '|';

export interface FileInspection extends MappingProposal {
  path: string;
  name: string;
  sizeBytes: number;
  encoding: Encoding;
  separator: Separator;
  lineEnding: LineEnding;
  /** 1-based physical line of the header row. */
  headerLine: number;
  headers: string[];
  /** The first data rows (at most 20), as read. */
  sampleRows: string[][];
  kind: FileKind;
  mapping: ColumnMapping;
  /** Required fields of `kind` that no column is mapped to: the import refuses until they are. */
  missingRequired: string[];
  /** The preset whose header signature matched, applied to `mapping`. */
  preset: string | null;
  /** Dates read day-first (03/04/2025 = 3 April) unless the file proves month-first. */
  dayFirst: boolean;
}

export interface RowCounts {
  new: number;
  updated: number;
  unchanged: number;
}

export interface ImportReject {
  file: string;
  line: number;
  column: number | null;
  reason: string;
  raw: string;
}

export interface ImportFileSummary {
  path: string;
  name: string;
  kind: FileKind;
  sha256: string;
  encoding: Encoding;
  separator: Separator;
  lines: number;
  rejected: number;
}

export interface ImportSummary {
  /** NULL for a dry run: nothing was written. */
  importId: number | null;
  dryRun: boolean;
  files: ImportFileSummary[];
  linesRead: number;
  rejected: number;
  /** Seats on the imported sale lines (a line with nbPlaces = 3 is 3). */
  seats: number;
  tickets: RowCounts;
  orders: RowCounts;
  customers: RowCounts;
  performances: RowCounts;
  shows: RowCounts;
  /** Reversal lines (state A, negative amounts) matched to the sale they cancel, and not. */
  reversals: { matched: number; unmatched: number };
  /** The first rejected lines (all of them are in `imports.rejects`). */
  rejects: ImportReject[];
  /** In French: columns left unused that look like an identifier, a date or an amount. */
  warnings?: string[];
  /** Lines of archived seasons: already in an archive file, recognised and not written again. */
  archivedLines?: number;
  durationMs: number;
}

export interface ImportProgress {
  importId: string;
  file: string;
  fileIndex: number;
  fileCount: number;
  linesRead: number;
  bytesRead: number;
  totalBytes: number;
  /** 0..100 over all the files of the import. */
  percent: number;
  phase: 'reading' | 'matching' | 'indicators' | 'done';
}

export interface ImportRecord {
  id: number;
  startedAt: string;
  finishedAt: string | null;
  files: ImportFileSummary[];
  preset: string | null;
  linesRead: number;
  rejected: number;
  summary: ImportSummary;
}

export interface Preset {
  name: string;
  kind: FileKind;
  headers: string[];
  mapping: ColumnMapping;
  updatedAt: string;
}

export interface SeasonIndicators {
  seasonYear: number;
  label: string;
  performances: number;
  tickets: number;
  ticketsPaid: number;
  ticketsFree: number;
  revenueCents: number;
  /** NULL unless every valid ticket of the season has a known VAT rate. */
  revenueExclTaxCents: number | null;
  averagePriceCents: number | null;
  orders: number;
  averageBasketCents: number | null;
  spectators: number;
  newSpectators: number;
  returning: number;
  reactivated: number;
  /** returning / spectators of N-1; NULL when N-1 has none. */
  retentionRate: number | null;
  churnRate: number | null;
  subscribers: number;
  /** Tickets / capacity over performances with a known capacity; NULL when none is known. */
  fillRate: number | null;
}

export const BANDS = ['Bas', 'Moyenne basse', 'Moyenne haute', 'Haut'] as const;
export type Band = (typeof BANDS)[number];
export const BANDED_INDICATORS = ['ordersPerSeason', 'lifetimeValueCents', 'averageBasketCents', 'ticketsPerOrder'] as const;
export type BandedIndicator = (typeof BANDED_INDICATORS)[number];
export type Quartiles = Record<BandedIndicator, [number, number, number] | null>;

export interface DisciplineCount {
  discipline: string;
  /** Distinct performances of that discipline the customer had a valid ticket for. */
  performances: number;
  tickets: number;
}

export interface CustomerSummary {
  id: number;
  key: string;
  name: string;
  email: string | null;
  postalCode: string | null;
  city: string | null;
  lifetimeValueCents: number;
  orders: number;
  tickets: number;
  activeSeasons: number;
  ordersPerSeason: number | null;
  /** Rounded to the cent; the bands are computed on this same rounded value. */
  averageBasketCents: number | null;
  ticketsPerOrder: number | null;
  firstPurchase: string | null;
  lastPurchase: string | null;
  recencyDays: number | null;
  disciplines: DisciplineCount[];
  /** NULL for a customer with no valid order. */
  bands: Record<BandedIndicator, Band> | null;
}

export interface ConsentState {
  granted: boolean | null;
  at: string | null;
  source: string | null;
}

export interface HistoryTicket {
  key: string;
  show: string;
  discipline: string | null;
  performanceAt: string;
  hall: string | null;
  tariff: string | null;
  tariffKind: 'full' | 'reduced' | 'subscription' | 'free';
  unitPriceCents: number;
  seats: number;
  validSeats: number;
  cancelled: boolean;
}

export interface HistoryOrder {
  key: string;
  orderedAt: string | null;
  channel: string | null;
  totalCents: number;
  tickets: HistoryTicket[];
}

export interface HistorySeason {
  seasonYear: number;
  label: string;
  tickets: number;
  revenueCents: number;
  orders: HistoryOrder[];
}

export interface CustomerRecord extends CustomerSummary {
  title: string | null;
  lastName: string | null;
  firstName: string | null;
  phone: string | null;
  address: string[];
  country: string | null;
  consent: { email: ConsentState; sms: ConsentState; post: ConsentState };
  subscriptions: { seasonYear: number; label: string; formula: string; tickets: number }[];
  history: HistorySeason[];
}

export interface AppInfo {
  version: string;
  dbPath: string;
  /** Which database is open (the venue's own or the demonstration) and where its file is. */
  database: { kind: import('./database-types.js').DatabaseKind; path: string };
  /** The database on disk, its write-ahead log included (what a copy of the folder weighs). */
  dbSizeBytes: number;
  schemaVersion: number;
  seasonStartMonth: number;
  counts: { customers: number; tickets: number; orders: number; performances: number; shows: number; imports: number };
}
