import { createContext, useContext } from 'react';

export type Route =
  | { name: 'home' }
  | { name: 'assessment'; id: string; section: string; item?: string }
  | { name: 'keys' }
  | { name: 'verify'; file?: string };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean).map(decodeURIComponent);
  if (parts[0] === 'keys') return { name: 'keys' };
  if (parts[0] === 'verify') return parts[1] ? { name: 'verify', file: parts[1] } : { name: 'verify' };
  if (parts[0] === 'a' && parts[1]) {
    return { name: 'assessment', id: parts[1], section: parts[2] ?? 'overview', item: parts[3] };
  }
  return { name: 'home' };
}

export function formatRoute(route: Route): string {
  if (route.name === 'home') return '#/';
  if (route.name === 'keys') return '#/keys';
  if (route.name === 'verify') return route.file ? `#/verify/${encodeURIComponent(route.file)}` : '#/verify';
  const parts = ['a', route.id, route.section, ...(route.item ? [route.item] : [])];
  return `#/${parts.map(encodeURIComponent).join('/')}`;
}

export const NavigationContext = createContext<(route: Route) => void>(() => {});

export function useNavigate(): (route: Route) => void {
  return useContext(NavigationContext);
}
