/** The season report's figures (DOMAIN.md « Season indicators »), as the engine returns them. */
import type { SeasonIndicators } from './types.js';

export interface ReportPerformance {
  /** The performance's number in the source export. */
  key: string;
  /** Its start, `YYYY-MM-DDTHH:MM:SS` (venue time). */
  date: string;
  show: string;
  discipline: string | null;
  hall: string | null;
  capacity: number | null;
  tickets: number;
  ticketsPaid: number;
  ticketsFree: number;
  revenueCents: number;
  /** tickets / capacity; null without a capacity. */
  fillRate: number | null;
}

export interface ReportDiscipline {
  /** null: shows without a discipline in the export. */
  discipline: string | null;
  tickets: number;
  revenueCents: number;
  /** Distinct identified customers who saw at least one show of the discipline in the season. */
  spectators: number;
}

export interface ReportDepartement {
  /** INSEE code (01…95, 2A, 2B, 971…976); null for addresses abroad or postal codes the reference does not know. */
  code: string | null;
  name: string;
  spectators: number;
  tickets: number;
}

export interface ReportCommune {
  postalCode: string;
  commune: string;
  departement: string;
  spectators: number;
  tickets: number;
}

export interface ReportMonth {
  /** `YYYY-MM` of the orders' date; null for orders without a date. */
  month: string | null;
  tickets: number;
  revenueCents: number;
}

export interface BookingPacePoint {
  daysBefore: number;
  /** Valid seats sold at least `daysBefore` days before their performance, summed over the season. */
  tickets: number;
  /** The same for the previous season; null when there is none. */
  previousTickets: number | null;
}

export interface BookingPace {
  points: BookingPacePoint[];
  /** The season's last sale date (its data's « today »), and its seats sold by then (dated orders). */
  asOf: string | null;
  ticketsAsOf: number;
  /** The same date one year earlier, and the previous season's seats sold by then. */
  previousAsOf: string | null;
  previousTicketsAsOf: number | null;
  /** Seats of orders without a date: in every total, in no curve. */
  undatedTickets: number;
}

export const LADDER_BANDS = ['1', '2', '3', '4-10', '>10'] as const;
export type LadderBand = (typeof LADDER_BANDS)[number];

export interface LadderStep {
  band: LadderBand;
  spectators: number;
  /** Among them, spectators new this season. */
  newSpectators: number;
}

export interface SeasonReport {
  season: SeasonIndicators;
  previous: SeasonIndicators | null;
  performances: ReportPerformance[];
  disciplines: ReportDiscipline[];
  departements: ReportDepartement[];
  /** The 20 communes with the most spectators. */
  communes: ReportCommune[];
  salesByMonth: ReportMonth[];
  bookingPace: BookingPace;
  ladder: LadderStep[];
  /** The venue's name (setting `venueName`; '' when not set). */
  venueName: string;
  /** Every season with performances, oldest first: what a season selector offers. */
  seasons: { seasonYear: number; label: string }[];
}
