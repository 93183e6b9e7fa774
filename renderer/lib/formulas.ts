/**
 * The customer indicators the record shows, in order. Their formulas come from
 * shared/indicator-formulas.ts, the one definition (French and English).
 */
export const CUSTOMER_INDICATORS = [
  'lifetimeValueCents',
  'orders',
  'tickets',
  'activeSeasons',
  'ordersPerSeason',
  'averageBasketCents',
  'ticketsPerOrder',
  'firstPurchase',
  'lastPurchase',
  'recencyDays',
] as const;
export type CustomerIndicator = (typeof CUSTOMER_INDICATORS)[number];
