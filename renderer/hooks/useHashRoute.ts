/**
 * A tiny hash router: `#/spectateurs`, `#/spectateurs/42`, `#/importer`, `#/tarifs`, `#/parametres`. Hash routes work the same
 * from app://parterre/ (Electron) and from the browser-mode server, and keep the Back key working.
 */
import { useEffect, useState } from 'react';

export type SegmentsTab = 'builder' | 'overlap' | 'affinities' | 'log';
const SEGMENT_TAB_PATHS: Record<SegmentsTab, string> = { builder: '', overlap: 'recoupement', affinities: 'affinites', log: 'journal' };

export type Route =
  | { page: 'home' }
  | { page: 'customers'; segmentId?: number }
  | { page: 'segments'; tab: SegmentsTab; id?: number }
  | { page: 'customer'; id: number }
  | { page: 'import' }
  | { page: 'tariffs' }
  | { page: 'settings' }
  /** The season pages: `season` is a label (« 2024-2025 »), the latest season when absent. */
  | { page: 'dashboard'; season?: string }
  | { page: 'seasons'; season?: string }
  | { page: 'report'; season?: string }
  | { page: 'archives' }
  | { page: 'sibil' };

const SEASON_PAGES = { 'tableau-de-bord': 'dashboard', saisons: 'seasons', rapport: 'report' } as const;
const SEASON_PATHS = { dashboard: 'tableau-de-bord', seasons: 'saisons', report: 'rapport' } as const;

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'spectateurs' && parts[1] === 'segment' && parts[2] && /^\d+$/.test(parts[2])) return { page: 'customers', segmentId: Number(parts[2]) };
  if (parts[0] === 'spectateurs' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'customer', id: Number(parts[1]) };
  if (parts[0] === 'segments') {
    if (parts[1] && /^\d+$/.test(parts[1])) return { page: 'segments', tab: 'builder', id: Number(parts[1]) };
    const tab = (Object.keys(SEGMENT_TAB_PATHS) as SegmentsTab[]).find((k) => SEGMENT_TAB_PATHS[k] === (parts[1] ?? '')) ?? 'builder';
    return { page: 'segments', tab };
  }
  if (parts[0] === 'spectateurs') return { page: 'customers' };
  if (parts[0] === 'importer') return { page: 'import' };
  if (parts[0] === 'tarifs') return { page: 'tariffs' };
  if (parts[0] === 'parametres') return { page: 'settings' };
  if (parts[0] in SEASON_PAGES) {
    const page = SEASON_PAGES[parts[0] as keyof typeof SEASON_PAGES];
    return parts[1] ? { page, season: decodeURIComponent(parts[1]) } : { page };
  }
  if (parts[0] === 'archives') return { page: 'archives' };
  if (parts[0] === 'sibil') return { page: 'sibil' };
  return { page: 'home' };
}

export function routeHref(route: Route): string {
  switch (route.page) {
    case 'customers':
      return route.segmentId !== undefined ? `#/spectateurs/segment/${route.segmentId}` : '#/spectateurs';
    case 'segments':
      if (route.id !== undefined) return `#/segments/${route.id}`;
      return SEGMENT_TAB_PATHS[route.tab] ? `#/segments/${SEGMENT_TAB_PATHS[route.tab]}` : '#/segments';
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
    case 'archives':
      return '#/archives';
    case 'sibil':
      return '#/sibil';
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
