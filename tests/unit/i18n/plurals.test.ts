/**
 * The interface's counted nouns agree with their number: i18next's `_one` / `_other` keys, chosen by
 * the raw `count`, French CLDR rules (0 and 1 are singular) and English ones (0 is plural). The
 * translations are loaded from the files themselves, merged as renderer/i18n/index.ts merges them
 * (that module needs Vite's import.meta.glob and a browser, so it is not imported here).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import i18next, { type i18n } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';

const DIR = join(import.meta.dirname, '..', '..', '..', 'renderer', 'i18n');
type Tree = { [key: string]: string | Tree };
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Tree;

function translation(language: 'fr' | 'en'): Tree {
  const domains = readdirSync(join(DIR, language)).filter((name) => name.endsWith('.json'));
  return Object.assign(read(join(DIR, `${language}.json`)), ...domains.map((name) => read(join(DIR, language, name)))) as Tree;
}

/** Every string of a tree, with its dotted key. */
function* strings(tree: Tree, prefix = ''): Generator<[string, string]> {
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') yield [prefix + key, value];
    else yield* strings(value, `${prefix}${key}.`);
  }
}

const NNBSP = '\u202f'; // fr-FR thousands separator, as the components' f.number writes it
let i18n: i18n;
beforeAll(async () => {
  i18n = i18next.createInstance();
  await i18n.init({
    resources: { fr: { translation: translation('fr') }, en: { translation: translation('en') } },
    lng: 'fr',
    fallbackLng: 'fr',
    interpolation: { escapeValue: false },
  });
});
const fr = (key: string, options: Record<string, unknown>) => i18n.t(key, { ...options, lng: 'fr' });
const en = (key: string, options: Record<string, unknown>) => i18n.t(key, { ...options, lng: 'en' });

describe('the translation files', () => {
  it.each(['fr', 'en'] as const)('%s: no lazy « (s) » plural is left', (language) => {
    const lazy = [...strings(translation(language))].filter(([, text]) => /\((e?s|e)\)/.test(text)).map(([key]) => key);
    expect(lazy).toEqual([]);
  });

  it.each(['fr', 'en'] as const)('%s: every singular has its plural, and the other way round', (language) => {
    const keys = new Set([...strings(translation(language))].map(([key]) => key));
    const missing = [...keys].flatMap((key) => {
      if (key.endsWith('_one') && !keys.has(key.replace(/_one$/, '_other'))) return [key.replace(/_one$/, '_other')];
      if (key.endsWith('_other') && !keys.has(key.replace(/_other$/, '_one'))) return [key.replace(/_other$/, '_one')];
      return [];
    });
    expect(missing).toEqual([]);
  });
});

describe('French: 0 and 1 are singular, the figure stays fr-FR', () => {
  it('the archive button, which reads as an instruction when nothing is ticked', () => {
    expect(fr('archives.archiveButton', { count: 0 })).toBe('Archiver les saisons cochées');
    expect(fr('archives.archiveButton', { count: 1 })).toBe('Archiver 1 saison');
    expect(fr('archives.archiveButton', { count: 2 })).toBe('Archiver 2 saisons');
  });

  it('an adjective agrees too', () => {
    expect(fr('archives.attachedCount', { count: 0, max: 10 })).toBe('0 archive attachée sur 10 possibles');
    expect(fr('archives.attachedCount', { count: 3, max: 10 })).toBe('3 archives attachées sur 10 possibles');
    expect(fr('settings.seasons.saved', { count: 1, month: 'janvier' })).toBe('Les saisons commencent désormais en janvier : 1 saison recalculée.');
    expect(fr('settings.seasons.saved', { count: 12, month: 'janvier' })).toBe('Les saisons commencent désormais en janvier : 12 saisons recalculées.');
  });

  it('and the verb', () => {
    const base = (count: number, formatted: string) => fr('segments.affinities.base', { count, formatted, value: 'Giselle', spectators: `2${NNBSP}000` });
    expect(base(1, '1')).toBe(`1 spectateur a vu « Giselle », sur 2${NNBSP}000.`);
    expect(base(1234, `1${NNBSP}234`)).toBe(`1${NNBSP}234 spectateurs ont vu « Giselle », sur 2${NNBSP}000.`);
  });

  it('the segment count chooses its form from the raw number and shows the formatted one', () => {
    expect(fr('segments.countOf', { count: 1, formatted: '1', total: `5${NNBSP}000` })).toBe(`1 client sur 5${NNBSP}000`);
    expect(fr('segments.countOf', { count: 1234, formatted: `1${NNBSP}234`, total: `5${NNBSP}000` })).toBe(`1${NNBSP}234 clients sur 5${NNBSP}000`);
    expect(fr('segments.print.meta', { count: 0, formatted: '0', channel: 'e-mail', date: '14/03/2025' })).toBe('0 client — canal : e-mail — imprimé le 14/03/2025');
  });

  it('two counted nouns in one sentence, each with its own number (as ExportPanel and SeasonStartSetting put them together)', () => {
    const done = fr('segments.export.done', {
      exported: fr('segments.export.exported', { count: 1, formatted: '1' }),
      file: 'danse.csv',
      left: fr('segments.export.leftOut', { count: 3, formatted: '3' }),
      total: '4',
    });
    expect(done).toBe('1 client dans « danse.csv » ; 3 laissés de côté sur 4.');
    const moves = fr('settings.seasons.moves', {
      performances: fr('settings.seasons.movedPerformances', { count: 2, formatted: '2' }),
      tickets: fr('settings.seasons.movedTickets', { count: 1, formatted: '1' }),
    });
    expect(moves).toBe('2 représentations et 1 billet changent de saison.');
  });

  it('SIBIL quarters and the builder’s « at least … performances »', () => {
    expect(fr('sibil.quarterOption', { quarter: '2025-T1', count: 1, formatted: '1' })).toBe('2025-T1 — 1 représentation');
    expect(fr('sibil.quarterDeclared', { quarter: '2025-T1', count: 40, formatted: '40' })).toBe('2025-T1 — 40 représentations — déclaré');
    expect(fr('segments.builder.performances', { count: 1 })).toBe('représentation');
    expect(fr('segments.describe.atLeast', { count: 3 })).toBe(', au moins 3 représentations');
    expect(fr('archives.saved', { folder: '/media/usb', count: 1 })).toBe('Sauvegarde écrite dans /media/usb (1 fichier).');
  });
});

describe('English: 1 is singular, 0 is plural', () => {
  it('counted nouns', () => {
    expect(en('segments.countOf', { count: 0, formatted: '0', total: '5,000' })).toBe('0 customers out of 5,000');
    expect(en('segments.countOf', { count: 1, formatted: '1', total: '5,000' })).toBe('1 customer out of 5,000');
    expect(en('archives.archiveButton', { count: 0 })).toBe('Archive the ticked seasons');
    expect(en('archives.archiveButton', { count: 1 })).toBe('Archive 1 season');
    expect(en('archives.saved', { folder: '/media/usb', count: 3 })).toBe('Backup written to /media/usb (3 files).');
    expect(en('segments.affinities.base', { count: 1, formatted: '1', value: 'Giselle', spectators: '2,000' })).toBe('1 spectator saw “Giselle”, out of 2,000.');
  });
});
