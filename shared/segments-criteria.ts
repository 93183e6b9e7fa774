/**
 * The one definition of a segment's criteria: a tree of AND / OR / NOT groups over leaf
 * criteria, as the builder stores it and as the command line reads it from a JSON file
 * (`parterre segment count --criteria FILE.json`). The engine compiles it to parameterised SQL
 * (electron/engine/segments/compile.ts): user values only ever travel as parameters.
 */
import { z } from 'zod';
import { BANDED_INDICATORS, BANDS } from './types.js';

/** A season label as the app shows it: `2024-2025`, or `2024` when seasons start in January. */
const seasonLabel = z.string().regex(/^\d{4}(-\d{4})?$/, 'une saison s’écrit « 2024-2025 » (ou « 2024 »)');
/** Omitted: every season. */
const seasons = z.array(seasonLabel).min(1).optional();
/** Free text typed or picked by the user (a title, a city...): bounded, never spliced into SQL. */
const value = z.string().max(10_000);
const values = z.array(value).min(1, 'choisissez au moins une valeur').max(10_000);

export const SAW_FIELDS = ['discipline', 'show', 'company'] as const;
export const VALUE_FIELDS = ['departement', 'postalCode', 'city', 'channel', 'tariffKind'] as const;
export const RANGE_INDICATORS = [
  'lifetimeValueCents',
  'orders',
  'averageBasketCents',
  'ticketsPerOrder',
  'recencyDays',
  'ordersPerSeason',
  'activeSeasons',
  'performances',
] as const;
export const CONSENT_CHANNELS = ['email', 'sms', 'post'] as const;
export const PRESENCE_FIELDS = ['hasEmail', 'hasPhone', 'hasAddress'] as const;

export type SawField = (typeof SAW_FIELDS)[number];
export type ValueField = (typeof VALUE_FIELDS)[number];
export type RangeIndicator = (typeof RANGE_INDICATORS)[number];
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];
export type PresenceField = (typeof PRESENCE_FIELDS)[number];

const saw = z
  .object({
    field: z.enum(SAW_FIELDS),
    values,
    seasons,
    /** Distinct performances attended among the chosen ones (1 when omitted). */
    minPerformances: z.number().int().min(1).max(10_000).optional(),
  })
  .strict();

const bySeasons = (field: 'bought' | 'subscriber' | 'firstPurchase') => z.object({ field: z.literal(field), seasons }).strict();

const band = z
  .object({ field: z.literal('band'), indicator: z.enum(BANDED_INDICATORS), values: z.array(z.enum(BANDS)).min(1) })
  .strict();

const range = z
  .object({
    field: z.literal('range'),
    indicator: z.enum(RANGE_INDICATORS),
    /** Inclusive bounds; money in cents, recency in days. At least one is given. */
    min: z.number().finite().optional(),
    max: z.number().finite().optional(),
    /** `performances` only: count performances of these seasons... */
    seasons,
    /** ...and/or of the last N months before the newest date in the data. */
    withinMonths: z.number().int().min(1).max(600).optional(),
  })
  .strict()
  .refine((r) => r.min !== undefined || r.max !== undefined, { message: 'donnez un minimum, un maximum ou les deux' })
  .refine((r) => r.min === undefined || r.max === undefined || r.min <= r.max, { message: 'le minimum dépasse le maximum' });

/** Last purchase between `maxMonthsAgo` and `minMonthsAgo` months before the newest date in the data. */
const lastPurchase = z
  .object({
    field: z.literal('lastPurchase'),
    minMonthsAgo: z.number().int().min(0).max(1200).optional(),
    maxMonthsAgo: z.number().int().min(0).max(1200).optional(),
  })
  .strict()
  .refine((r) => r.minMonthsAgo !== undefined || r.maxMonthsAgo !== undefined, { message: 'donnez au moins une borne' });

const byValues = z
  .object({
    field: z.enum(VALUE_FIELDS),
    values,
    /** channel and tariffKind only: of tickets in these seasons. */
    seasons,
  })
  .strict();

const consent = z.object({ field: z.literal('consent'), channel: z.enum(CONSENT_CHANNELS) }).strict();
const presence = z.object({ field: z.enum(PRESENCE_FIELDS) }).strict();

export const leafSchema = z.union([
  saw,
  bySeasons('bought'),
  bySeasons('subscriber'),
  bySeasons('firstPurchase'),
  band,
  range,
  lastPurchase,
  byValues,
  consent,
  presence,
]);

export type Leaf = z.infer<typeof leafSchema>;
export type Criteria = { and: Criteria[] } | { or: Criteria[] } | { not: Criteria } | Leaf;

export const criteriaSchema: z.ZodType<Criteria> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(criteriaSchema) }).strict(),
    z.object({ or: z.array(criteriaSchema) }).strict(),
    z.object({ not: criteriaSchema }).strict(),
    leafSchema,
  ]),
);

export const isAnd = (c: Criteria): c is { and: Criteria[] } => 'and' in c;
export const isOr = (c: Criteria): c is { or: Criteria[] } => 'or' in c;
export const isNot = (c: Criteria): c is { not: Criteria } => 'not' in c;
export const isLeaf = (c: Criteria): c is Leaf => 'field' in c;

/** A readable message for a tree that does not validate: where (path) and what was expected. */
export function describeCriteriaError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.length ? issue.path.join('.') : 'racine'} : ${issue.message}`)
    .join(' ; ');
}
