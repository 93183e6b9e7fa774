/**
 * The formulas behind the season report's own figures (the season indicators' are in
 * indicator-formulas.ts), French first, shown on hover like every other figure (DOMAIN.md).
 */
import type { Formula } from './formula.js';

export const REPORT_FORMULAS = {
  change: {
    fr: '(valeur de la saison − valeur de la saison précédente) / valeur de la saison précédente ; pour un taux, l’écart en points',
    en: '(season value − previous season value) / previous season value; for a rate, the difference in points',
  },
  performanceFillRate: { fr: 'Places valides / jauge de la représentation (— sans jauge)', en: "Valid seats / the performance's capacity (— without one)" },
  performanceTickets: {
    fr: 'Places valides de la représentation ; gratuites : prix 0, invitations, exonérés',
    en: 'Valid seats of the performance; free: price 0, invitations, exemptions',
  },
  performanceRevenue: { fr: 'Somme des prix TTC des places valides de la représentation', en: "Sum of the prices (tax included) of the performance's valid seats" },
  salesByMonth: {
    fr: 'Places valides de la saison par mois de la commande (date de vente), recette TTC',
    en: "The season's valid seats by month of their order (sale date), revenue tax included",
  },
  bookingPace: {
    fr: 'Places valides vendues au moins N jours avant leur représentation (date de la commande → date de la représentation), cumulées sur les représentations de la saison',
    en: 'Valid seats sold at least N days before their performance (order date → performance date), summed over the season’s performances',
  },
  samePoint: {
    fr: 'Places valides vendues jusqu’à la dernière vente de la saison, et celles de la saison précédente vendues jusqu’au même jour un an plus tôt',
    en: 'Valid seats sold up to the season’s last sale, and the previous season’s sold up to the same day one year earlier',
  },
  disciplines: {
    fr: 'Par discipline du spectacle : places valides, recette TTC, clients identifiés distincts',
    en: "Per show discipline: valid seats, revenue tax included, distinct identified customers",
  },
  ladder: {
    fr: 'Spectateurs de la saison par nombre de représentations distinctes vues dans la saison : 1, 2, 3, 4 à 10, plus de 10 ; « nouveaux » : aucune place valide lors d’une saison antérieure',
    en: 'Spectators of the season by the number of distinct performances they attended: 1, 2, 3, 4–10, more than 10; “new”: no valid seat in any earlier season',
  },
  departements: {
    fr: 'Spectateurs (clients identifiés distincts) par département de leur code postal, lu dans le référentiel officiel des communes (Corse 2A/2B, outre-mer 971–976)',
    en: 'Spectators (distinct identified customers) by the département of their postal code, read from the official communes reference (Corsica 2A/2B, overseas 971–976)',
  },
  communes: {
    fr: 'Spectateurs par commune : celle du code postal, ou parmi celles qui le partagent, celle dont le nom correspond à la ville saisie',
    en: 'Spectators by commune: that of the postal code, or among those sharing it, the one whose name matches the city entered',
  },
} satisfies Record<string, Formula>;
