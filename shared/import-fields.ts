/**
 * The fields an export's columns can be mapped to, per kind of file, with the header names
 * (French and English synonyms) that propose them. Matching is accent-, case- and
 * punctuation-insensitive: see `normaliseHeader`.
 */
export const FILE_KINDS = ['tickets', 'customers', 'performances'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const TICKET_LINE_FIELDS = [
  'ticketId',
  'orderId',
  'orderDate',
  'orderTime',
  'state',
  'unitPrice',
  'lineAmount',
  'seats',
  'tariff',
  'tariffCategory',
  'subscription',
  'channel',
] as const;
export const PERFORMANCE_FIELDS = [
  'performanceId',
  'performanceDate',
  'performanceTime',
  'showId',
  'showTitle',
  'discipline',
  'company',
  'hall',
  'capacity',
  'vatRate',
] as const;
export const CUSTOMER_FIELDS = [
  'customerId',
  'title',
  'lastName',
  'firstName',
  'email',
  'phone',
  'address1',
  'address2',
  'address3',
  'postalCode',
  'city',
  'country',
  'consentEmail',
  'consentEmailDate',
  'consentSms',
  'consentSmsDate',
  'consentPost',
  'consentPostDate',
  'consentDate',
  'consentSource',
] as const;

export const IMPORT_FIELDS = [...TICKET_LINE_FIELDS, ...PERFORMANCE_FIELDS, ...CUSTOMER_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Column index in the file for each mapped field. */
export type ColumnMapping = Partial<Record<ImportField, number>>;

/** Which fields a file of each kind may carry, and which it must. */
export const KIND_FIELDS: Record<FileKind, { allowed: readonly ImportField[]; required: readonly ImportField[] }> = {
  tickets: {
    allowed: IMPORT_FIELDS,
    // And one amount at least: the price of a seat or the line's total (AMOUNT_FIELDS).
    required: ['performanceDate'],
  },
  customers: { allowed: CUSTOMER_FIELDS, required: [] },
  performances: { allowed: PERFORMANCE_FIELDS, required: ['performanceDate'] },
};

/**
 * The two amount fields: the price of one seat, or the total of the line (seats × price). A
 * ticket file needs one of them; with both, each line is checked (line total = price × seats).
 */
export const AMOUNT_FIELDS = ['unitPrice', 'lineAmount'] as const satisfies readonly ImportField[];

/** Field names of earlier versions, still read in saved presets and explicit mappings. */
export const LEGACY_FIELDS: Readonly<Record<string, ImportField>> = { amount: 'unitPrice' };

/** A mapping keyed by current or legacy field names, keyed by current names (legacy `amount` → `unitPrice`). */
export function upgradeMapping<T>(mapping: Readonly<Record<string, T>>): Partial<Record<ImportField, T>> {
  const out: Partial<Record<ImportField, T>> = {};
  for (const [field, value] of Object.entries(mapping)) {
    const current = (LEGACY_FIELDS[field] ?? field) as ImportField;
    if (out[current] === undefined || field === current) out[current] = value;
  }
  return out;
}

/** The amount a ticket file lacks, as a field to name in messages; null when it has one. */
export function missingAmount(mapping: ColumnMapping): ImportField | null {
  return AMOUNT_FIELDS.some((f) => mapping[f] !== undefined) ? null : 'unitPrice';
}

/** The fields a file of `kind` must have and lacks (a ticket file lacking any amount lacks `unitPrice`). */
export function missingFields(mapping: ColumnMapping, kind: FileKind): ImportField[] {
  const missing = KIND_FIELDS[kind].required.filter((field) => mapping[field] === undefined);
  const amount = kind === 'tickets' ? missingAmount(mapping) : null;
  return amount ? [...missing, amount] : missing;
}

/** Header synonyms, written plainly; they are normalised before matching. */
export const FIELD_SYNONYMS: Record<ImportField, readonly string[]> = {
  ticketId: ['Référence billet', 'Ref billet', 'N° place', 'ticket ref', 'ticket code', 'Numéro billet', 'N° billet', 'No billet', 'Num billet', 'id billet', 'billet', 'id_billet', 'Code billet', 'ticket id', 'ticket number', 'ticket no', 'ticket', 'barcode', 'code barre'],
  orderId: ['Référence commande', 'Réf commande', 'N° réservation', 'Numéro de réservation', 'Réservation', 'N° de réservation', 'order ref', 'order reference', 'booking ref', 'booking id', 'booking number', 'reservation id', 'Numéro commande', 'N° commande', 'No commande', 'id commande', 'id_commande', 'commande', 'Numéro de commande', 'N° dossier', 'dossier', 'order id', 'order number', 'order no', 'order', 'transaction'],
  orderDate: ['Date opération', 'Date transaction', 'Date de réservation', 'Date paiement', 'transaction date', 'booking date', 'payment date', 'created at', 'Date commande', 'Date de commande', 'Date achat', "Date d'achat", 'Date vente', 'Date de vente', 'date_commande', 'order date', 'purchase date', 'sale date', 'date'],
  orderTime: ['Heure opération', 'Heure transaction', 'Heure réservation', 'Heure de réservation', 'booking time', 'transaction time', 'Heure commande', 'Heure achat', 'Heure vente', 'order time', 'purchase time'],
  state: ['Statut billet', 'ticket status', 'order status', 'Etat', 'État', 'Statut', 'etat billet', 'status', 'state'],
  unitPrice: ['Prix', 'Prix unitaire', 'Prix place', 'Prix billet', 'Prix payé', 'Tarif payé', 'Prix TTC', 'PU', 'Montant billet', 'Montant unitaire', 'Montant', 'Montant TTC', 'price', 'unit price', 'ticket price', 'price paid', 'amount', 'paid'],
  lineAmount: ['Montant total', 'Montant total TTC', 'Prix total TTC', 'Total commande ligne', 'Total', 'Total TTC', 'Total ligne', 'Montant ligne', 'Montant de la ligne', 'Prix total', 'Total payé', 'Montant encaissé', 'line total', 'line amount', 'total amount', 'total price', 'total paid', 'total', 'subtotal', 'gross', 'revenue'],
  seats: ['Nombre de billets', 'Nb billets', 'tickets', 'number of tickets', 'no of seats', 'nbPlaces', 'Nb places', 'Nombre de places', 'Places', 'Quantité', 'Qté', 'Qte', 'seats', 'quantity', 'qty'],
  tariff: ['Tarif appliqué', 'Type de billet', 'Type de produit', 'Produit', 'ticket type', 'price band', 'price level', 'Tarif', 'Libellé tarif', 'Nom tarif', 'Code tarif', 'tariff', 'price type', 'rate', 'fare'],
  tariffCategory: ['Catégorie tarif', 'Catégorie de tarif', 'Type tarif', 'Type de tarif', 'Famille tarif', 'tariff category', 'tariff type', 'price category'],
  subscription: ['Abonnement', 'Formule', 'Formule abonnement', 'Nom abonnement', 'subscription', 'package', 'membership'],
  channel: ['Canal', 'Canal de vente', 'Filière de vente', 'Filière', 'Point de vente', 'Mode de vente', 'Origine', 'channel', 'sales channel', 'point of sale'],
  performanceId: ['Numéro séance', 'N° séance', 'Clé représentation', 'Clé séance', 'id séance', 'id_seance', 'séance', 'Code séance', 'Numéro représentation', 'N° représentation', 'id représentation', 'performance id', 'performance', 'event id', 'session id'],
  performanceDate: ['Date du spectacle', 'Date évènement', 'Date de l\'événement', 'event start', 'performance start', 'start date', 'Date représentation', 'Date séance', 'Date de représentation', 'Date de la séance', 'Date spectacle', 'Date événement', 'date_seance', 'performance date', 'event date', 'show date', 'session date'],
  performanceTime: ['Heure représentation', 'Heure séance', 'Heure', 'Horaire', 'heure_seance', 'performance time', 'event time', 'time', 'start time'],
  showId: ['Numéro spectacle', 'N° spectacle', 'Clé spectacle', 'id spectacle', 'id_spectacle', 'Code spectacle', 'show id', 'production id', 'event code'],
  showTitle: ['Titre', 'Titre du spectacle', 'Nom évènement', 'event title', 'production name', 'title of show', 'Spectacle', 'Titre spectacle', 'Nom spectacle', 'Nom du spectacle', 'Manifestation', 'Événement', 'Evenement', 'show', 'show title', 'event', 'event name', 'production'],
  discipline: ['Discipline', 'Catégorie', 'Catégorie spectacle', 'Genre', 'Type spectacle', 'Type de spectacle', 'category', 'genre', 'discipline', 'show type'],
  company: ['Compagnie', 'Artiste', 'Artistes', 'Compagnie / artiste', 'Producteur', 'Cie', 'company', 'artist', 'performer', 'producer'],
  hall: ['Salle', 'Lieu', 'Nom salle', 'hall', 'venue', 'room', 'auditorium', 'stage'],
  capacity: ['Jauge', 'Capacité', 'Nombre de places disponibles', 'Places disponibles', 'Jauge salle', 'capacity', 'seats available'],
  vatRate: ['TVA', 'Taux TVA', 'Taux de TVA', 'vat', 'vat rate', 'tax rate'],
  customerId: ['Référence client', 'Réf client', 'id acheteur', 'N° acheteur', 'buyer id', 'patron id', 'account id', 'customer ref', 'Numéro client', 'N° client', 'No client', 'id client', 'id_client', 'Code client', 'client', 'Numéro spectateur', 'N° spectateur', 'id spectateur', 'customer id', 'customer number', 'customer', 'contact id'],
  title: ['Civilité', 'Titre civilité', 'titre', 'title', 'salutation', 'civility'],
  lastName: ['Nom acheteur', 'buyer last name', 'customer last name', 'Nom', 'Nom de famille', 'Nom client', 'nom_client', 'last name', 'lastname', 'surname', 'family name', 'name'],
  firstName: ['Prénom acheteur', 'buyer first name', 'customer first name', 'Prénom', 'Prenom client', 'first name', 'firstname', 'given name', 'forename'],
  email: ['Email acheteur', 'buyer email', 'customer email', 'patron email', 'Email', 'E-mail', 'Courriel', 'Adresse email', 'Adresse e-mail', 'Mail', 'e-mail address', 'email address'],
  phone: ['Téléphone', 'Tél', 'Tel', 'Portable', 'Mobile', 'Téléphone portable', 'phone', 'mobile', 'telephone'],
  address1: ['Adresse', 'Adresse 1', 'adresse1', 'Adresse ligne 1', 'address', 'address 1', 'address1', 'street'],
  address2: ['Adresse 2', 'adresse2', 'Complément adresse', 'Adresse ligne 2', 'address 2', 'address2'],
  address3: ['Adresse 3', 'adresse3', 'Adresse ligne 3', 'address 3', 'address3'],
  postalCode: ['CP client', 'zip/postal code', 'post code', 'Code postal', 'CP', 'code_postal', 'Code Postal client', 'postal code', 'postcode', 'zip', 'zip code'],
  city: ['Ville', 'Commune', 'Localité', 'city', 'town'],
  country: ['Pays', 'country'],
  consentEmail: ['Optin email', 'Opt-in email', 'Consentement email', 'Accepte email', 'Accord email', 'Newsletter', 'Optin', 'email consent', 'email opt-in', 'opt in email', 'consent'],
  consentEmailDate: ['Date optin email', 'Date consentement email', 'Date opt-in email', 'email consent date'],
  consentSms: ['Optin SMS', 'Opt-in SMS', 'Consentement SMS', 'Accepte SMS', 'Accord SMS', 'sms consent', 'sms opt-in'],
  consentSmsDate: ['Date optin SMS', 'Date consentement SMS', 'sms consent date'],
  consentPost: ['Optin courrier', 'Opt-in courrier', 'Consentement courrier', 'Accepte courrier', 'Accord courrier', 'Optin postal', 'post consent', 'mail consent', 'postal opt-in'],
  consentPostDate: ['Date optin courrier', 'Date consentement courrier', 'post consent date'],
  consentDate: ['Date consentement', 'Date optin', 'Date opt-in', 'Date accord', 'consent date', 'opt-in date'],
  consentSource: ['Source consentement', 'Origine consentement', 'Source optin', 'consent source'],
};

/** "N° Séance" → "nseance": accents, case, spaces and punctuation removed. */
export function normaliseHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/°/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
