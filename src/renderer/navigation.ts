import { createContext, useContext } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'assessment'; id: string; section: string; item?: string }
  /** The catalog browser outside any assessment; `part` is 2-1, 3-3 or 4-2, `item` a requirement id. */
  | { name: 'catalogs'; part?: string; item?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'a' && parts[1]) {
    return { name: 'assessment', id: parts[1], section: parts[2] ?? 'overview', item: parts[3] };
  }
  if (parts[0] === 'catalogs') return { name: 'catalogs', part: parts[1], item: parts[2] };
  return { name: 'home' };
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  const parts =
    route.name === 'catalogs'
      ? ['catalogs', ...(route.part ? [route.part] : []), ...(route.part && route.item ? [route.item] : [])]
      : ['a', route.id, route.section, ...(route.item ? [route.item] : [])];
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export const NavigationContext = createContext<(route: Route) => void>(() => {});

export function useNavigate(): (route: Route) => void {
  return useContext(NavigationContext);
}
