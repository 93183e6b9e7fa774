/**
 * A header's words, as the proposal compares them: accents, case and punctuation dropped, words
 * glued by `_`, `-` or camelCase split (`dateCommande`, `order_date`), `N°`/`#` read as
 * « numéro », usual abbreviations spelt out (`Qté`, `Nb`, `Cde`, `Tél`, `CP`...), and the small
 * words that carry no meaning (« de », « la », « of ») left out.
 */

/** Abbreviation → the word(s) it stands for (already folded). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  n: 'numero',
  no: 'numero',
  nr: 'numero',
  num: 'numero',
  nro: 'numero',
  number: 'numero',
  nb: 'nombre',
  nbr: 'nombre',
  qte: 'quantite',
  qty: 'quantity',
  dt: 'date',
  cde: 'commande',
  cmd: 'commande',
  cmde: 'commande',
  tel: 'telephone',
  cp: 'code postal',
  zip: 'postcode',
  ref: 'reference',
  rep: 'representation',
  repr: 'representation',
  perf: 'performance',
  perfs: 'performance',
  spect: 'spectacle',
  pu: 'prix unitaire',
  mt: 'montant',
  mnt: 'montant',
  mtt: 'montant',
  cli: 'client',
  evt: 'evenement',
  evenements: 'evenement',
  manif: 'manifestation',
  abo: 'abonnement',
  tx: 'taux',
  qtt: 'quantite',
  hr: 'heure',
  amt: 'amount',
  desc: 'description',
};

/** Words that carry no meaning in a header. */
const STOP_WORDS = new Set(['de', 'du', 'des', 'la', 'le', 'les', 'l', 'd', 'of', 'the', 'a', 'en', 'par', 'per', 'au', 'aux', 'for', 'et', 'and']);

/** « N° de commande » → ["numero", "commande"]; « orderDate » → ["order", "date"]. */
export function headerTokens(header: string): string[] {
  const spaced = header
    .replace(/([a-z\u00e0-\u00ff])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/[°#]/g, ' no ')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/([a-z])(\d)/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  if (spaced === '') return [];
  const words: string[] = [];
  for (const word of spaced.split(' ')) {
    if (STOP_WORDS.has(word)) continue;
    const expanded = ABBREVIATIONS[word] ?? word;
    // « N° » gives « n » and « no »: one « numero ».
    for (const w of expanded.split(' ')) if (words[words.length - 1] !== w) words.push(w);
  }
  return words;
}

/** The tokens joined by one space: what the fuzzy matcher compares. */
export function headerKey(header: string): string {
  return headerTokens(header).join(' ');
}
