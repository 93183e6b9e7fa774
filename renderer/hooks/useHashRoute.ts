/**
 * A tiny hash router: `#/spectateurs`, `#/spectateurs/42`, `#/importer`, `#/tarifs`, `#/parametres`. Hash routes work the same
 * from app://parterre/ (Electron) and from the browser-mode server, and keep the Back key working.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'customers' }
  | { page: 'customer'; id: number }
  | { page: 'import' }
  | { page: 'tariffs' }
  | { page: 'settings' }
  /** The season pages: `season` is a label (« 2024-2025 »), the latest season when absent. */
  | { page: 'dashboard'; season?: string }
  | { page: 'seasons'; season?: string }
  | { page: 'report'; season?: string };

const SEASON_PAGES = { 'tableau-de-bord': 'dashboard', saisons: 'seasons', rapport: 'report' } as const;
const SEASON_PATHS = { dashboard: 'tableau-de-bord', seasons: 'saisons', report: 'rapport' } as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'spectateurs' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'customer', id: Number(parts[1]) };
  if (parts[0] === 'spectateurs') return { page: 'customers' };
  if (parts[0] === 'importer') return { page: 'import' };
  if (parts[0] === 'tarifs') return { page: 'tariffs' };
  if (parts[0] === 'parametres') return { page: 'settings' };
  if (parts[0] in SEASON_PAGES) {
    const page = SEASON_PAGES[parts[0] as keyof typeof SEASON_PAGES];
    return parts[1] ? { page, season: decodeURIComponent(parts[1]) } : { page };
  }
  return { page: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'customers':
      return '#/spectateurs';
    case 'customer':
      return `#/spectateurs/${route.id}`;
    case 'import':
      return '#/importer';
    case 'tariffs':
      return '#/tarifs';
    case 'settings':
      return '#/parametres';
    case 'dashboard':
    case 'seasons':
    case 'report':
      return `#/${SEASON_PATHS[route.page]}${route.season ? `/${encodeURIComponent(route.season)}` : ''}`;
    default:
      return '#/';
  }
}

export function navigate(route: Route): void {
  window.location.hash = routeHref(route);
}

export function useHashRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
