import { type Scope, scopeKey } from '../../../core/domain';
import { parseRoute, type Route } from '../../navigation';

// A scope page's address: #/a/<id>/zones/zone:<zoneId>, with the open requirement after a bar
// (`zone:z1|SR 1.1`, the same shape as responseKey) so a reload lands on the same item.

export function scopeItem(scope: Scope, requirement?: string): string {
  return requirement ? `${scopeKey(scope)}|${requirement}` : scopeKey(scope);
}

export function parseScopeItem(item: string | undefined): { scope: Scope; requirement?: string } | null {
  if (!item) return null;
  const bar = item.indexOf('|');
  const key = bar >= 0 ? item.slice(0, bar) : item;
  const requirement = bar >= 0 ? item.slice(bar + 1) || undefined : undefined;
  if (key === 'organisation') return { scope: { kind: 'organisation' }, requirement };
  const m = /^(zone|conduit|asset):(.+)$/.exec(key);
  if (!m) return null;
  return { scope: { kind: m[1] as 'zone' | 'conduit' | 'asset', id: m[2] }, requirement };
}

export function scopeRoute(assessmentId: string, scope: Scope, requirement?: string): Route {
  if (scope.kind === 'organisation') {
    return {
      name: 'assessment',
      id: assessmentId,
      section: 'organisation',
      item: scopeItem(scope, requirement),
    };
  }
  return { name: 'assessment', id: assessmentId, section: 'zones', item: scopeItem(scope, requirement) };
}

/** Do two addresses show the same scope page (whichever requirement is open)? */
export function sameScopePage(hashA: string, hashB: string): boolean {
  const a = parseRoute(hashA);
  const b = parseRoute(hashB);
  if (a.name !== 'assessment' || b.name !== 'assessment') return false;
  // The organisation section shows the questionnaire with or without an item in the address.
  const key = (r: typeof a & { name: 'assessment' }) => {
    const s = parseScopeItem(r.item);
    return s ? scopeKey(s.scope) : r.section === 'organisation' ? 'organisation' : '';
  };
  return a.id === b.id && a.section === b.section && key(a) === key(b);
}
