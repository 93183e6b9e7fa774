/** The app's name, the sections that exist, and the ones to come shown disabled. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.js';
import { routeHref, type Route } from '../hooks/useHashRoute.js';

const LIVE: { key: 'customers' | 'import' | 'archives'; route: Route }[] = [
  { key: 'customers', route: { page: 'customers' } },
  { key: 'import', route: { page: 'import' } },
  { key: 'archives', route: { page: 'archives' } },
];
const LATER = ['dashboard', 'seasons', 'segments', 'settings'] as const;

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
        {LIVE.map(({ key, route }) => (
          <li key={key}>
            <a href={routeHref(route)} className={active === key ? 'active' : undefined} aria-current={active === key ? 'page' : undefined}>
              {t(`nav.${key}`)}
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
