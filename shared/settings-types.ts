/** The « Paramètres » page's types: the settings kept in the database, and what a new season start would change. */

export interface AppSettings {
  /** 1 (January) to 12: the month every season starts. */
  seasonStartMonth: number;
  /** The venue's name, printed on the season report's cover; empty until the user gives it. */
  venueName: string;
}

/** One season's performances and tickets, under a given start month. */
export interface SeasonCount {
  label: string;
  performances: number;
  tickets: number;
}

/** What changing the month a season starts would do, worked out before the user confirms. */
export interface SeasonStartPreview {
  currentMonth: number;
  proposedMonth: number;
  current: SeasonCount[];
  proposed: SeasonCount[];
  /** Performances (and their tickets) that would belong to another season. */
  performancesMoved: number;
  ticketsMoved: number;
}
