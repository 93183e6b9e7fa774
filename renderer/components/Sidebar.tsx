/** The app's name, which database is open, its sections, and the language. */
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage, type Language } from '../i18n/index.js';
import { routeHref, type Route } from '../hooks/useHashRoute.js';
import { DatabaseBadge } from './DatabaseBadge.js';

const LIVE: { key: 'dashboard' | 'seasons' | 'sibil' | 'customers' | 'segments' | 'import' | 'tariffs' | 'archives' | 'settings'; label: string; route: Route }[] = [
  { key: 'dashboard', label: 'nav.dashboard', route: { page: 'dashboard' } },
  { key: 'seasons', label: 'nav.seasons', route: { page: 'seasons' } },
  { key: 'sibil', label: 'sibil.nav', route: { page: 'sibil' } },
  { key: 'customers', label: 'nav.customers', route: { page: 'customers' } },
  { key: 'segments', label: 'nav.segments', route: { page: 'segments', tab: 'builder' } },
  { key: 'import', label: 'nav.import', route: { page: 'import' } },
  { key: 'tariffs', label: 'tariffs.nav', route: { page: 'tariffs' } },
  { key: 'archives', label: 'nav.archives', route: { page: 'archives' } },
  { key: 'settings', label: 'nav.settings', route: { page: 'settings' } },
];

export function Sidebar({ current }: { current: Route['page'] }) {
  const { t, i18n } = useTranslation();
  const active = current === 'customer' ? 'customers' : current === 'report' ? 'seasons' : current;
  return (
    <nav className="sidebar" aria-label={t('nav.main')}>
      <div className="brand">
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </div>
      <DatabaseBadge />
      <ul>
        {LIVE.map(({ key, label, route }) => (
          <li key={key}>
            <a href={routeHref(route)} className={active === key ? 'active' : undefined} aria-current={active === key ? 'page' : undefined}>
              {t(label)}
            </a>
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
