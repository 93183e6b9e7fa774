/** The app's name, the sections that exist, and the ones to come shown disabled. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.js';
import { routeHref, type Route } from '../hooks/useHashRoute.js';

const LIVE: { key: 'customers' | 'import' | 'sibil'; label: string; route: Route }[] = [
  { key: 'customers', label: 'nav.customers', route: { page: 'customers' } },
  { key: 'import', label: 'nav.import', route: { page: 'import' } },
  { key: 'sibil', label: 'sibil.nav', route: { page: 'sibil' } },
];
const LATER = ['dashboard', 'seasons', 'segments', 'archives', 'settings'] as const;

export function Sidebar({ current }: { current: Route['page'] }) {
  const { t, i18n } = useTranslation();
  const active = current === 'customer' ? 'customers' : current;
  return (
    <nav className="sidebar" aria-label={t('nav.main')}>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <ul>
        {LIVE.map(({ key, label, route }) => (
          <li key={key}>
            <a href={routeHref(route)} className={active === key ? 'active' : undefined} aria-current={active === key ? 'page' : undefined}>
              {t(label)}
            </a>
          </li>
        ))}
      </ul>
      <ul className="later">
        {LATER.map((key) => (
          <li key={key}>
            <span aria-disabled="true">
              {t(`nav.${key}`)} <small>{t('app.soon')}</small>
            </span>
          </li>
        ))}
      </ul>
      <div className="language" role="group" aria-label={t('app.language')}>
        {LANGUAGES.map((language: Language) => (
          <button key={language} type="button" aria-pressed={i18n.language === language} onClick={() => setLanguage(language)}>
            {language.toUpperCase()}
          </button>
        ))}
      </div>
    </nav>
  );
}
