/**
 * The tariff kind Parterre proposes for a ticket line (docs/import-rules.md, « Tariff kinds »):
 * free, then subscription, then reduced, else full — decided on the tariff name, the tariff
 * category (or product-type) column, the subscription column and the price (0 € is free). The user
 * confirms or corrects each tariff afterwards (handlers/tariffs.ts); this is only the proposal.
 *
 * Words are compared folded (accents and case removed); a keyword ending in `*` matches any word
 * it starts (« abonn* » matches abonné, abonnés, abonnement); a keyword with a space is a phrase
 * matched on whole words (« jeune public »). Age conditions (« Moins de 26 ans », « -26 ans »,
 * « +65 ans », « under 26 ») are reductions.
 */
import { detach, foldText } from '../read/text.js';

export type TariffKind = 'full' | 'reduced' | 'subscription' | 'free';

/** Why a kind was proposed, in words the tariffs screen can show (shared/tariff-types.ts). */
export type TariffKindReason =
  | { source: 'price' }
  | { source: 'name' | 'category'; match: string }
  | { source: 'subscriptionColumn' }
  | { source: 'default' };

export interface TariffKindProposal {
  kind: TariffKind;
  reason: TariffKindReason;
}

const FREE = [
  'invitation*', 'invit', 'invite*', 'exonere*', 'exo', 'gratuit*', 'gratuite*', 'offert*', 'exoneration*',
  'free', 'complimentary', 'comp', 'comps', 'guest*',
];
const SUBSCRIPTION = [
  'abonnement*', 'abonne*', 'abo', 'abos', 'pass', 'carte*', 'forfait*',
  'subscription*', 'subscriber*', 'season ticket*', 'membership*',
];
const REDUCED = [
  'reduit*', 'reduc*', 'jeune*', 'etudiant*', 'senior*', 'demandeur* d emploi', 'demandeur*', 'chomeur*', 'sans emploi',
  'enfant*', 'groupe*', 'scolaire*', 'rsa', 'minima sociaux', 'famille*', 'familial*', 'solidaire*', 'solidarite',
  'professionnel*', 'pro', 'pros', 'intermittent*', 'handicap*', 'pmr', 'moins de', 'jeune public', 'lyceen*', 'collegien*',
  'apprenti*', 'quotient familial', 'cezam', 'adherent*',
  'reduced', 'reduction*', 'concession*', 'discount*', 'student*', 'child', 'children', 'kid*', 'youth', 'junior*',
  'under', 'over', 'unemployed', 'jobseeker*', 'group*', 'school*', 'family', 'families', 'disabled', 'low income', 'member',
];
const FULL = ['plein*', 'normal', 'standard', 'adulte*', 'full', 'adult*', 'general', 'regular'];

/** An age condition: « 26 ans », « -26 », « +65 », « 12-25 ans », « u26 », « 65+ » (not « - 25 € »). */
const AGE = /(?:^|[\s(])[-+<>≤≥]\d{1,2}(?![\d,.]|\s*(?:€|eur|\$|£))|(?<!\d)\d{1,2}\s*(?:ans|yo|years?)\b|(?<!\d)\d{1,2}\s*\+|\bu\d{2}\b/i;

interface Rule {
  words: string[];
  phrases: string[][];
}

function rule(keywords: readonly string[]): Rule {
  const words: string[] = [];
  const phrases: string[][] = [];
  for (const keyword of keywords) {
    if (keyword.includes(' ')) phrases.push(keyword.split(' '));
    else words.push(keyword);
  }
  return { words, phrases };
}

const RULES: [Exclude<TariffKind, 'full'> | 'full', Rule][] = [
  ['free', rule(FREE)],
  ['subscription', rule(SUBSCRIPTION)],
  ['reduced', rule(REDUCED)],
];
const FULL_RULE = rule(FULL);

const wordMatches = (word: string, keyword: string) =>
  keyword.endsWith('*') ? word.startsWith(keyword.slice(0, -1)) : word === keyword;

/** The first keyword (phrases first: the longest evidence) found in the words, as the text said it. */
function findMatch(words: string[], r: Rule): string | null {
  for (const phrase of r.phrases) {
    for (let i = 0; i + phrase.length <= words.length; i++) {
      if (phrase.every((keyword, j) => wordMatches(words[i + j], keyword))) return words.slice(i, i + phrase.length).join(' ');
    }
  }
  for (const word of words) {
    for (const keyword of r.words) if (wordMatches(word, keyword)) return word;
  }
  return null;
}

/** The kind one text says, with the words that said it; null when it says none. */
function kindOfText(text: string): { kind: TariffKind; match: string } | null {
  if (text.trim() === '') return null;
  const folded = foldText(text);
  const words = folded === '' ? [] : folded.split(' ');
  for (const [kind, r] of RULES) {
    const match = findMatch(words, r);
    if (match !== null) return { kind, match };
  }
  const age = AGE.exec(text);
  if (age) return { kind: 'reduced', match: age[0].trim() };
  const full = findMatch(words, FULL_RULE);
  if (full !== null) return { kind: 'full', match: full };
  return null;
}

const PRECEDENCE: TariffKind[] = ['free', 'subscription', 'reduced', 'full'];

/**
 * The proposal from the texts alone (a zero price is checked by `proposeTariffKind`): the name
 * and the category each say a kind or nothing; the stronger kind (free, subscription, reduced,
 * full in that order) wins; a filled subscription column makes it a subscription unless a text
 * says free.
 */
export function proposeTariffKindOfTexts(tariff: string, category: string, subscription: string): TariffKindProposal {
  const byName = kindOfText(tariff);
  const byCategory = kindOfText(category);
  const candidates: TariffKindProposal[] = [];
  if (byName) candidates.push({ kind: byName.kind, reason: { source: 'name', match: byName.match } });
  if (byCategory) candidates.push({ kind: byCategory.kind, reason: { source: 'category', match: byCategory.match } });
  if (subscription.trim() !== '') candidates.push({ kind: 'subscription', reason: { source: 'subscriptionColumn' } });
  candidates.sort((a, b) => PRECEDENCE.indexOf(a.kind) - PRECEDENCE.indexOf(b.kind));
  return candidates[0] ?? { kind: 'full', reason: { source: 'default' } };
}

/** The proposal for a line: a unit price of 0 makes it free whatever its name. */
export function proposeTariffKind(unitPriceCents: number, tariff: string, category: string, subscription: string): TariffKindProposal {
  if (unitPriceCents === 0) return { kind: 'free', reason: { source: 'price' } };
  return proposeTariffKindOfTexts(tariff, category, subscription);
}

/** The kind from the texts alone (a zero price is checked by `tariffKind`). */
export function tariffKindOfTexts(tariff: string, category: string, subscription: string): TariffKind {
  return proposeTariffKindOfTexts(tariff, category, subscription).kind;
}

/** The kind of a line: a unit price of 0 makes it free whatever its name. */
export function tariffKind(unitPriceCents: number, tariff: string, category: string, subscription: string): TariffKind {
  return proposeTariffKind(unitPriceCents, tariff, category, subscription).kind;
}

/**
 * `tariffKindOfTexts` memoised: an export repeats a handful of tariffs a million times. Nested
 * maps rather than one joined key: a line then looks its kind up without building a string.
 */
export function createTariffKindCache(): (tariff: string, category: string, subscription: string) => TariffKind {
  const cache = new Map<string, Map<string, [TariffKind | undefined, TariffKind | undefined]>>();
  let size = 0;
  return (tariff, category, subscription) => {
    const withSubscription = subscription === '' ? 0 : 1;
    let byCategory = cache.get(tariff);
    let kinds = byCategory?.get(category);
    let kind = kinds?.[withSubscription];
    if (kind === undefined) {
      kind = tariffKindOfTexts(tariff, category, subscription);
      if (size < 10_000) {
        if (!byCategory) cache.set(detach(tariff), (byCategory = new Map()));
        if (!kinds) byCategory.set(detach(category), (kinds = [undefined, undefined]));
        kinds[withSubscription] = kind;
        size++;
      }
    }
    return kind;
  };
}
