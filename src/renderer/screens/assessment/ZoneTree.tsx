import { useState } from 'react';
import type { Scope } from '../../../core/domain';
import { useNavigate } from '../../navigation';
import { parseScopeItem, scopeRoute } from './scopeRoutes';
import { useWorkspaceData } from './workspaceData';

/** The sidebar's tree under "Zones and conduits": each zone with its assets and its conduits. */
export function ZoneTree({ assessmentId, item }: { assessmentId: string; item: string | undefined }) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const currentScope = parseScopeItem(item)?.scope;
  const isCurrent = (s: Scope) =>
    currentScope !== undefined &&
    currentScope.kind === s.kind &&
    'id' in s &&
    'id' in currentScope &&
    currentScope.id === s.id;
  const leaf = (s: Scope, label: string, cls: string) => (
    <button
      type="button"
      className={`ztree-item ${cls}${isCurrent(s) ? ' active' : ''}`}
      aria-current={isCurrent(s) ? 'page' : undefined}
      onClick={() => navigate(scopeRoute(assessmentId, s))}
      title={label}
    >
      {label}
    </button>
  );
  if (!data.zones.length) return null;
  return (
    <ul className="ztree" aria-label="Zones">
      {data.zones.map((z) => {
        const open = !collapsed.has(z.id);
        const assets = data.assets.filter((a) => a.zone === z.id);
        const conduits = data.conduits.filter((c) => c.zones.includes(z.id));
        const count = assets.length + conduits.length;
        return (
          <li key={z.id}>
            <div className="ztree-row">
              {count > 0 ? (
                <button
                  type="button"
                  className="ztree-toggle"
                  aria-expanded={open}
                  aria-label={`${open ? 'Collapse' : 'Expand'} ${z.name}`}
                  onClick={() =>
                    setCollapsed((c) => {
                      const next = new Set(c);
                      if (open) next.add(z.id);
                      else next.delete(z.id);
                      return next;
                    })
                  }
                >
                  {open ? '▾' : '▸'}
                </button>
              ) : (
                <span className="ztree-toggle" aria-hidden="true" />
              )}
              {leaf({ kind: 'zone', id: z.id }, z.name, 'zone')}
            </div>
            {open && count > 0 && (
              <ul className="ztree-children">
                {assets.map((a) => (
                  <li key={a.id}>{leaf({ kind: 'asset', id: a.id }, a.name, 'asset')}</li>
                ))}
                {conduits.map((c) => (
                  <li key={c.id}>{leaf({ kind: 'conduit', id: c.id }, `⇄ ${c.name}`, 'conduit')}</li>
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ul>
  );
}
