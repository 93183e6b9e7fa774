/**
 * The formula shown beside each customer indicator. The renderer's i18n files carry the text so
 * that it follows the language; keep them in step with DOMAIN.md's definitions.
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
