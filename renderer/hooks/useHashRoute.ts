/**
 * A tiny hash router: `#/spectateurs`, `#/spectateurs/42`, `#/importer`. Hash routes work the same
 * from file:// (Electron) and from the browser-mode server, and keep the Back key working.
 */
import { useEffect, useState } from 'react';

export type Route =
  | { page: 'home' }
  | { page: 'customers' }
  | { page: 'customer'; id: number }
  | { page: 'import' }
  | { page: 'sibil' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  if (parts[0] === 'spectateurs' && parts[1] && /^\d+$/.test(parts[1])) return { page: 'customer', id: Number(parts[1]) };
  if (parts[0] === 'spectateurs') return { page: 'customers' };
  if (parts[0] === 'importer') return { page: 'import' };
  if (parts[0] === 'sibil') return { page: 'sibil' };
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
