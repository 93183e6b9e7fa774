/** i18next set up French first, English second; the choice is remembered on this machine. */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './en.json';
import fr from './fr.json';

/**
 * Each screen of a domain may keep its strings in a file of its own, `fr/<domain>.json` and
 * `en/<domain>.json`, holding one top-level key (its namespace in the translation): merged here
 * into the one translation of each language, so that domains never edit the same file.
 */
const domainFiles = (files: Record<string, { default: Record<string, unknown> }>) =>
  Object.assign({}, ...Object.values(files).map((file) => file.default)) as Record<string, unknown>;
const frDomains = domainFiles(import.meta.glob('./fr/*.json', { eager: true }));
const enDomains = domainFiles(import.meta.glob('./en/*.json', { eager: true }));

export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const STORAGE_KEY = 'parterre.language';

const stored = localStorage.getItem(STORAGE_KEY);
const initial: Language = stored === 'en' ? 'en' : 'fr';

void i18n.use(initReactI18next).init({
  resources: { fr: { translation: { ...fr, ...frDomains } }, en: { translation: { ...en, ...enDomains } } },
  lng: initial,
  fallbackLng: 'fr',
  // React escapes already; i18next escaping would double-encode « & » in names.
  interpolation: { escapeValue: false },
  returnNull: false,
});

export function setLanguage(language: Language): void {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  void i18n.changeLanguage(language);
}
document.documentElement.lang = initial;

export default i18n;
