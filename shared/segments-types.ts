/** What the segment calls return (shared/contract.ts, « Segments »). */
import type { Criteria, ConsentChannel } from './segments-criteria.js';
import type { CustomerSummary } from './types.js';

export interface SegmentRecord {
  id: number;
  name: string;
  criteria: Criteria;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentCount {
  count: number;
  /** Every customer in the file: the count's denominator. */
  total: number;
  /** A few matching customers, highest lifetime value first. */
  sample: CustomerSummary[];
}

export interface WaterfallStep {
  /** The criterion added at this step (null for the start: every customer). */
  criterion: Criteria | null;
  count: number;
}

/** One region of the overlap: the customers in exactly the sets of `mask` (bit i: set i). */
export interface OverlapRegion {
  mask: number;
  count: number;
}

export interface OverlapResult {
  labels: string[];
  /** Size of each set. */
  sizes: number[];
  /** Non-empty regions, every customer in at least one set. */
  regions: OverlapRegion[];
}

export const AFFINITY_KINDS = ['show', 'company', 'discipline'] as const;
export type AffinityKind = (typeof AFFINITY_KINDS)[number];

export interface AffinityRow {
  value: string;
  /** Customers of the audience of X who also saw this. */
  together: number;
  /** Customers who saw this, among all spectators. */
  audience: number;
  /** (together / audience of X) / (audience / all spectators). */
  lift: number;
  /** A show with a performance still to come (after today). */
  coming: boolean;
}

export interface AffinityResult {
  kind: AffinityKind;
  value: string;
  /** Customers who saw X. */
  base: number;
  /** Customers with at least one valid ticket. */
  spectators: number;
  rows: AffinityRow[];
}

export const EXPORT_FORMATS = ['mailchimp', 'brevo', 'sarbacane', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Why a customer of the segment was left out of an export for a channel. */
export const EXCLUSION_REASONS = ['refused', 'noConsent', 'tooOld', 'noAddress'] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export interface ExportResult {
  fileName: string;
  /** The file's text (the caller writes it: the CLI to --out, the browser as a download). */
  content: string;
  /** The file's bytes are UTF-8, with a byte-order mark when true. */
  bom: boolean;
  mimeType: string;
  segmentCount: number;
  rows: number;
  excluded: Record<ExclusionReason, number>;
  logId: number;
}

export interface PrintRow {
  key: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string;
}

export interface PrintList {
  title: string;
  channel: ConsentChannel | null;
  rows: PrintRow[];
  excluded: Record<ExclusionReason, number>;
  segmentCount: number;
  printedAt: string;
}

export interface ExportLogEntry {
  id: number;
  at: string;
  what: string;
  fileName: string | null;
  rows: number;
  excluded: number;
  segmentName: string | null;
  segmentId: number | null;
  criteria: Criteria | null;
  channel: string | null;
  format: string | null;
  excludedByReason: Partial<Record<ExclusionReason, number>>;
  maxConsentAgeYears: number | null;
}

export interface SegmentOptions {
  seasons: string[];
  disciplines: string[];
  shows: string[];
  companies: string[];
  channels: string[];
  tariffKinds: string[];
}

export interface ReadySegment {
  key: string;
  criteria: Criteria;
  /** Needs the user to choose values before it counts (« a vu X mais pas Y »). */
  incomplete?: boolean;
}
