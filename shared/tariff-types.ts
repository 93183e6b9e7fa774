/** Tariffs and their kinds, as the tariffs screen and `parterre tariffs` show them. */

export const TARIFF_KINDS = ['full', 'reduced', 'subscription', 'free'] as const;
export type TariffKindName = (typeof TARIFF_KINDS)[number];

/** Why Parterre proposed a kind (electron/engine/import/propose/tariff-kind.ts). */
export type TariffKindReason =
  /** Every ticket of the tariff is at 0 €. */
  | { source: 'price' }
  /** A word or phrase of the name (or of the category column) says the kind. */
  | { source: 'name' | 'category'; match: string }
  /** The subscription (formula) column was filled. */
  | { source: 'subscriptionColumn' }
  /** No word recognised: full price. */
  | { source: 'default' }
  /** Read at import from a column the tariff's name does not show (category, product type, subscription). */
  | { source: 'import' };

export interface TariffRow {
  id: number;
  name: string;
  /** Valid seats sold at this tariff, all seasons. */
  tickets: number;
  /** Valid seats × unit price, in cents. */
  revenueCents: number;
  /** Lowest and highest unit price of its valid seats (null without any). */
  minPriceCents: number | null;
  maxPriceCents: number | null;
  proposedKind: TariffKindName;
  reason: TariffKindReason;
  /** The kind every figure counts. */
  kind: TariffKindName;
  /** The user confirmed or corrected the kind. */
  confirmed: boolean;
}
