/**
 * The tariff kind of a ticket line (docs/import-rules.md, « Tariff kinds »): free, then
 * subscription, then reduced, else full — decided on the tariff name, the tariff category and the
 * subscription column. Words are compared folded (accents and case removed); a keyword ending in
 * `*` matches any word it starts (« abonn* » matches abonné, abonnés, abonnement).
 */
import { detach, foldedWords } from '../read/text.js';

export type TariffKind = 'full' | 'reduced' | 'subscription' | 'free';

const FREE = ['invitation*', 'invit', 'invite*', 'exonere*', 'exo', 'gratuit*', 'free', 'complimentary', 'comp'];
const SUBSCRIPTION = ['abonnement*', 'abonne*', 'abo', 'abos', 'pass', 'carte*', 'subscription*', 'subscriber*'];
const REDUCED = [
  'reduit*',
  'jeune*',
  'etudiant*',
  'senior*',
  'demandeur*',
  'chomeur*',
  'enfant*',
  'groupe*',
  'scolaire*',
  'reduced',
  'reduction*',
  'concession*',
  'student*',
  'child',
  'children',
  'youth',
];

function matches(words: string[], keywords: readonly string[]): boolean {
  for (const word of words) {
    for (const keyword of keywords) {
      if (keyword.endsWith('*') ? word.startsWith(keyword.slice(0, -1)) : word === keyword) return true;
    }
  }
  return false;
}

/** The kind from the texts alone (a zero price is checked by `tariffKind`). */
export function tariffKindOfTexts(tariff: string, category: string, subscription: string): TariffKind {
  const words = [...foldedWords(tariff), ...foldedWords(category)];
  if (matches(words, FREE)) return 'free';
  if (subscription.trim() !== '' || matches(words, SUBSCRIPTION)) return 'subscription';
  if (matches(words, REDUCED)) return 'reduced';
  return 'full';
}

/** The kind of a line: a unit price of 0 makes it free whatever its name. */
export function tariffKind(unitPriceCents: number, tariff: string, category: string, subscription: string): TariffKind {
  if (unitPriceCents === 0) return 'free';
  return tariffKindOfTexts(tariff, category, subscription);
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
