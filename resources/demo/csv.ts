/** The export's columns and the quoting rules of a `;`-separated file. */
export const SEPARATOR = ';';
export const EOL = '\r\n';

/** Close to Sirius's own field names, in the order a box office would export them. */
export const HEADERS = [
  'N° billet',
  'N° commande',
  'Date commande',
  'Etat',
  'Montant',
  'nbPlaces',
  'Tarif',
  'N° séance',
  'Date séance',
  'Heure séance',
  'Spectacle',
  'Discipline',
  'Compagnie',
  'Salle',
  'Jauge',
  'Taux TVA',
  'Canal de vente',
  'N° client',
  'Civilité',
  'Nom',
  'Prénom',
  'Adresse 1',
  'Adresse 2',
  'Code postal',
  'Ville',
  'Email',
  'Optin email',
  'Optin SMS',
  'Optin courrier',
  'Date optin',
] as const;

const NEEDS_QUOTES = /[;"\r\n]/;

/** Quotes a cell only when it holds the separator, a quote or a line break (quotes doubled). */
export function cell(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function row(values: readonly string[]): string {
  return values.map(cell).join(SEPARATOR);
}

/** Cents as a French amount: 2450 → `24,50`, -2450 → `-24,50`. */
export function frenchAmount(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const rest = abs % 100;
  return `${sign}${Math.floor(abs / 100)},${rest < 10 ? '0' : ''}${rest}`;
}
