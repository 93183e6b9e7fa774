/**
 * The words the demo is made of: names, places, show titles, halls and tariffs of a French
 * performing-arts venue. Accents everywhere, on purpose: the export is Windows-1252 and every
 * import must bring them back intact.
 */

export const DISCIPLINES = ['Théâtre', 'Danse', 'Musique', 'Cirque', 'Jeune public', 'Humour'] as const;
export type Discipline = (typeof DISCIPLINES)[number];

export interface Hall {
  name: string;
  /** Empty when unknown: a performance outside the venue has no fixed capacity. */
  capacity: number | null;
}

export const HALLS = {
  grande: { name: 'Grande salle', capacity: 620 },
  studio: { name: 'Studio', capacity: 180 },
  chapiteau: { name: 'Chapiteau', capacity: 400 },
  horsLesMurs: { name: 'Hors les murs — Médiathèque', capacity: null },
} as const satisfies Record<string, Hall>;

/** Where each discipline plays, with weights, and its range of full prices in euros. */
export const DISCIPLINE_PROFILE: Record<
  Discipline,
  { halls: { hall: Hall; weight: number }[]; price: [number, number]; share: number }
> = {
  Théâtre: { halls: [{ hall: HALLS.grande, weight: 3 }, { hall: HALLS.studio, weight: 2 }], price: [18, 32], share: 9 },
  Danse: { halls: [{ hall: HALLS.grande, weight: 3 }, { hall: HALLS.studio, weight: 1 }], price: [18, 30], share: 5 },
  Musique: { halls: [{ hall: HALLS.grande, weight: 4 }, { hall: HALLS.studio, weight: 1 }], price: [20, 38], share: 6 },
  Cirque: { halls: [{ hall: HALLS.chapiteau, weight: 5 }, { hall: HALLS.grande, weight: 1 }], price: [16, 28], share: 3 },
  'Jeune public': {
    halls: [{ hall: HALLS.studio, weight: 4 }, { hall: HALLS.horsLesMurs, weight: 1 }],
    price: [8, 12],
    share: 4,
  },
  Humour: { halls: [{ hall: HALLS.grande, weight: 2 }, { hall: HALLS.studio, weight: 2 }], price: [22, 36], share: 3 },
};

export const TITLE_HEADS = [
  'Le Songe', 'La Nuit', 'Les Oiseaux', "L'Éveil", 'La Cerisaie', 'Le Misanthrope', 'Les Fourberies', 'La Tempête',
  'Le Bal', 'La Traversée', 'Les Étoiles', 'Le Cœur battant', 'La Fête', 'Les Mains', 'Le Silence', 'La Mouette',
  "L'Écume", 'Les Géants', 'Le Voyage', 'La Mémoire', 'Les Âmes', 'Le Rêve', 'La Dernière Valse', 'Les Fenêtres',
  'Le Petit Prince', "L'Île", 'La Promesse', 'Les Noces', 'Le Temps', 'La Chambre', 'Les Saisons', 'Le Cri',
] as const;

export const TITLE_TAILS = [
  "d'une nuit d'été", 'des rois', 'de Noël', 'du Châtelet', 'à la française', 'sous la neige', 'en forêt',
  'de Béatrice', "d'Hélène", 'des hirondelles', 'à deux voix', 'sans frontières', 'de Molière', 'du matin',
  'en éclats', 'des oubliés', "de l'aube", 'pour piano seul', 'en équilibre', 'du Nord', 'de la lune', 'à rebours',
  'des possibles', 'et des mots', 'en liberté', 'de Zoé',
] as const;

export const COMPANIES = [
  'Cie du Sémaphore', 'Théâtre de l’Épée de bois', 'Cie Les Arpenteurs', 'Ensemble Mélisande', 'Cirque Éphémère',
  'Cie Ça Tourne', 'Ballet du Nord', 'Orchestre de Chambre de Besançon', 'Cie Pêle-Mêle', 'Collectif À Vif',
  'Cie Théâtre des Îlets', 'Les Têtes Brûlées', 'Quatuor Élysée', 'Cie Rêve Général', 'Cie Les Mots; Dits',
  'Trio Noël Dufresne', 'Cie Zéphyr', 'Cie Kälte', 'Les Frères Lefèvre', 'Cie Ô Bruit',
] as const;

export const FEMALE_FIRST_NAMES = [
  'Hélène', 'Béatrice', 'Chloé', 'Zoé', 'Gaëlle', 'Anaïs', 'Léa', 'Élodie', 'Cécile', 'Agnès', 'Marie', 'Sophie',
  'Isabelle', 'Nathalie', 'Françoise', 'Mélanie', 'Camille', 'Maëlle', 'Noémie', 'Inès', 'Clémence', 'Aurélie',
  'Véronique', 'Brigitte', 'Sylvie', 'Margaux', 'Joëlle', 'Émilie', 'Laure', 'Juliette',
] as const;

export const MALE_FIRST_NAMES = [
  'Noël', 'François', 'Jérôme', 'Loïc', 'Raphaël', 'Benoît', 'Stéphane', 'Frédéric', 'Hervé', 'Jean', 'Pierre',
  'Michel', 'Théo', 'Mathéo', 'Gérard', 'Aurélien', 'Joël', 'Sébastien', 'Cédric', 'Nicolas', 'Thomas', 'Éric',
  'André', 'Rémi', 'Hugo', 'Clément', 'Denis', 'Mickaël', 'Yannick', 'Léon',
] as const;

export const LAST_NAMES = [
  'Lefèvre', 'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefebvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel',
  'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Legrand', 'Garnier',
  'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Müller', 'Henry', 'Roussel', 'Nicolas', 'Perrin', 'Morin', 'Mathieu',
  'Clément', 'Gauthier', 'Dumont', 'Lopez', 'Fontaine', 'Chevalier', 'Robin', 'Masson', 'Sánchez', 'Gérard',
  'Nguyen', 'Boyer', 'Denis', 'Lemaire', 'Duval', 'Joly', 'Gautier', 'Roger', 'Roche', 'Roy', 'Noël', 'Meyer',
  'Lucas', 'Méunier', 'Jean', 'Pérez', 'Marchand', 'Dufour', 'Blanchard', 'Châtelet', 'Desprès', 'Bézier',
  "D'Artois", 'Le Gall', 'Cœurderoy', 'Hébert', 'Brémond',
] as const;

/** Postal code and town: mostly the venue's agglomeration, some further away. */
export const TOWNS = [
  ['25000', 'Besançon'], ['25000', 'Besançon'], ['25000', 'Besançon'], ['25000', 'Besançon'], ['25480', 'École-Valentin'],
  ['25220', 'Chalezeule'], ['25770', 'Franois'], ['25410', 'Saint-Vit'], ['25660', 'Saône'], ['25870', 'Châtillon-le-Duc'],
  ['25320', 'Montferrand-le-Château'], ['39100', 'Dole'], ['70000', 'Vesoul'], ['25200', 'Montbéliard'],
  ['25300', 'Pontarlier'], ['21000', 'Dijon'], ['75011', 'Paris'], ['69003', 'Lyon'], ['42000', 'Saint-Étienne'],
  ['45000', 'Orléans'], ['90000', 'Belfort'], ['39000', 'Lons-le-Saunier'],
] as const;

export const STREETS = [
  'rue de la République', 'rue des Granges', 'avenue Fontaine-Argent', 'rue Battant', 'place du Marché',
  'rue de Vesoul', 'chemin des Vignes', 'rue Édouard Belin', 'boulevard Léon Blum', 'rue Mégevand',
  'rue du Château', 'impasse des Lilas', 'rue Pasteur', 'allée des Érables', 'quai de Strasbourg', 'rue de Dole',
] as const;

/** Tariff names as a box office writes them; the price factor applies to the show's full price. */
export const TARIFFS = {
  full: { name: 'Plein tarif', factor: 1 },
  reduced: { name: 'Tarif réduit', factor: 0.75 },
  young: { name: 'Tarif jeune -26 ans', factor: 0.5 },
  senior: { name: 'Tarif senior', factor: 0.85 },
  jobseeker: { name: "Tarif demandeur d'emploi", factor: 0.5 },
  child: { name: 'Tarif enfant', factor: 0.6 },
  school: { name: 'Tarif groupe scolaire', factor: 0.45 },
  subscription4: { name: 'Abonnement 4 spectacles', factor: 0.7 },
  subscriptionFree: { name: 'Abonnement Liberté', factor: 0.8 },
  invitation: { name: 'Invitation', factor: 0 },
  exempt: { name: 'Exonéré', factor: 0 },
} as const;
export type TariffId = keyof typeof TARIFFS;

export const CHANNELS = ['Guichet', 'Internet', 'Téléphone', 'Correspondance'] as const;
