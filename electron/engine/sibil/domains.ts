/**
 * The SIBIL domain of a show, proposed from its discipline (the export's category column) until
 * the user chooses one. The words are matched on folded text (accents, case and punctuation
 * removed), most specific first: « théâtre musical » is not theatre, « danse hip-hop » is dance.
 */
import type { SibilDomain } from '../../../shared/sibil.js';
import { foldText } from '../import/read/text.js';

const RULES: [SibilDomain, RegExp][] = [
  ['theatre-musical', /\b(theatre musical|comedie musicale|operette|musical)\b/],
  ['marionnettes', /\b(marionnette|marionnettes|manipulation|objet|puppet|puppetry)\b/],
  ['arts-de-la-rue', /\b(arts? de la rue|rue|street|espace public)\b/],
  ['cabaret', /\b(cabaret|music hall|revue)\b/],
  ['humour', /\b(humour|humor|comedy|stand up|one man|one woman|seul en scene)\b/],
  ['cirque', /\b(cirque|circus|magie|magic|acrobat\w*|jonglage)\b/],
  ['musiques-du-monde', /\b(musiques? du monde|world|traditionnel\w*|folk\w*|flamenco)\b/],
  ['musique-classique', /\b(classique|classical|opera|lyrique|baroque|symphoni\w*|orchestre|quatuor|musique de chambre|contemporaine|recital)\b/],
  ['musiques-actuelles', /\b(jazz|rock|pop|chanson|rap|hip hop music|electro\w*|musiques? actuelles?|variete\w*|blues|soul|reggae|concert)\b/],
  ['danse', /\b(danse|dance|ballet|choregraph\w*|hip hop)\b/],
  ['theatre', /\b(theatre|theater|drama|conte|contes|mime|lecture)\b/],
  ['autre', /\b(pluridisciplinaire|transdisciplinaire|autre)\b/],
];

/**
 * Null when the discipline says too little: plain « Musique » could be classical or current music,
 * « Jeune public » is an audience, not a domain. The user then chooses (a check says so).
 */
export function proposeDomain(discipline: string | null | undefined): SibilDomain | null {
  if (!discipline) return null;
  const folded = foldText(discipline);
  for (const [domain, words] of RULES) if (words.test(folded)) return domain;
  return null;
}
