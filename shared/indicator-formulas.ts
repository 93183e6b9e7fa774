/**
 * The formula behind every figure the app shows, in one line, French first: arts organisations
 * define retention and frequency differently, and a figure nobody can check is not trusted. The
 * app shows them on hover (DOMAIN.md). Keys are the field names of SeasonIndicators and
 * CustomerSummary.
 */
import type { Formula } from './formula.js';
import type { CustomerSummary, SeasonIndicators } from './types.js';

type SeasonFigure = Exclude<keyof SeasonIndicators, 'seasonYear' | 'label'>;
type CustomerFigure = Exclude<keyof CustomerSummary, 'id' | 'key' | 'name' | 'email' | 'postalCode' | 'city' | 'bands'>;

export const SEASON_FORMULAS: Record<SeasonFigure, Formula> = {
  performances: { fr: 'Représentations dont la date tombe dans la saison', en: 'Performances dated within the season' },
  tickets: {
    fr: 'Places valides (une ligne de 3 places compte 3 ; les annulations sont déduites)',
    en: 'Valid seats (a line of 3 seats counts 3; cancellations are deducted)',
  },
  ticketsPaid: {
    fr: 'Places valides − places gratuites (payantes : prix non nul et tarif autre qu’exonéré / invitation)',
    en: 'Valid seats − free seats (paid: a non-zero price and a tariff kind other than free / invitation)',
  },
  ticketsFree: { fr: 'Places valides gratuites (prix 0, invitations, exonérés)', en: 'Valid free seats (price 0, invitations, exemptions)' },
  revenueCents: { fr: 'Somme des prix TTC des places valides', en: 'Sum of the prices (tax included) of valid seats' },
  revenueExclTaxCents: {
    fr: 'Somme des prix des places valides / (1 + taux de TVA de la représentation), si tous les taux sont connus',
    en: "Sum of valid seats' prices / (1 + the performance's VAT rate), when every rate is known",
  },
  averagePriceCents: { fr: 'Recette / places payantes', en: 'Revenue / paid seats' },
  orders: {
    fr: 'Commandes distinctes ayant au moins une place valide dans la saison (ventes guichet anonymes comprises)',
    en: 'Distinct orders with at least one valid seat in the season (anonymous counter sales included)',
  },
  averageBasketCents: { fr: 'Recette / commandes', en: 'Revenue / orders' },
  spectators: {
    fr: 'Clients identifiés distincts ayant au moins une place valide dans la saison',
    en: 'Distinct identified customers with at least one valid seat in the season',
  },
  newSpectators: {
    fr: "Spectateurs de la saison sans aucune place valide lors d'une saison antérieure",
    en: 'Spectators of the season with no valid seat in any earlier season',
  },
  returning: {
    fr: 'Spectateurs de la saison qui étaient aussi spectateurs de la saison précédente',
    en: 'Spectators of the season who were also spectators of the previous season',
  },
  reactivated: {
    fr: 'Spectateurs de la saison absents de la saison précédente mais venus lors d’une saison plus ancienne',
    en: 'Spectators of the season absent from the previous season but present in an earlier one',
  },
  retentionRate: {
    fr: 'Spectateurs fidèles / spectateurs de la saison précédente (— si elle n’en a aucun)',
    en: 'Returning spectators / spectators of the previous season (— when it has none)',
  },
  churnRate: { fr: '1 − taux de fidélisation', en: '1 − retention rate' },
  subscribers: {
    fr: 'Clients distincts ayant au moins une place valide au tarif abonnement dans la saison',
    en: 'Distinct customers with at least one valid subscription-rate seat in the season',
  },
  fillRate: {
    fr: 'Places valides / jauge, sur les représentations dont la jauge est connue',
    en: 'Valid seats / capacity, over the performances whose capacity is known',
  },
};

export const CUSTOMER_FORMULAS: Record<CustomerFigure, Formula> = {
  lifetimeValueCents: { fr: 'Somme des prix des places valides du client, toutes saisons', en: "Sum of the prices of the customer's valid seats, all seasons" },
  orders: { fr: 'Commandes distinctes ayant au moins une place valide', en: 'Distinct orders with at least one valid seat' },
  tickets: { fr: 'Places valides du client', en: "The customer's valid seats" },
  activeSeasons: { fr: 'Saisons distinctes avec au moins une place valide', en: 'Distinct seasons with at least one valid seat' },
  ordersPerSeason: { fr: 'Commandes / saisons actives', en: 'Orders / active seasons' },
  averageBasketCents: { fr: 'Valeur cumulée / commandes, arrondie au centime', en: 'Lifetime value / orders, rounded to the cent' },
  ticketsPerOrder: { fr: 'Places valides / commandes', en: 'Valid seats / orders' },
  firstPurchase: { fr: 'Date de la première commande avec une place valide', en: 'Date of the first order with a valid seat' },
  lastPurchase: { fr: 'Date de la dernière commande avec une place valide', en: 'Date of the last order with a valid seat' },
  recencyDays: {
    fr: 'Jours entre la dernière commande du client et la commande la plus récente des données',
    en: "Days from the customer's last order to the newest order in the data",
  },
  disciplines: {
    fr: 'Par discipline : représentations distinctes vues et places valides',
    en: 'Per discipline: distinct performances seen and valid seats',
  },
};

/** How the bands of ordersPerSeason, lifetime value, average basket and tickets per order are cut. */
export const BAND_FORMULA: Formula = {
  fr: 'Quartiles Q1, Q2, Q3 (interpolation linéaire, comme QUARTILE.INC d’Excel) sur les clients ayant au moins une commande : Bas ≤ Q1 < Moyenne basse ≤ Q2 < Moyenne haute ≤ Q3 < Haut',
  en: 'Quartiles Q1, Q2, Q3 (linear interpolation, like Excel QUARTILE.INC) over customers with at least one order: Bas ≤ Q1 < Moyenne basse ≤ Q2 < Moyenne haute ≤ Q3 < Haut',
};
