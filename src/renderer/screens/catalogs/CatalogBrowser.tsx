import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { browseTree, filterTree } from '../../../core/catalog/browse';
import type { CatalogPart } from '../../../core/catalog/types';
import { COMPONENT_TYPE_NAMES, COMPONENT_TYPES, type ComponentType } from '../../../core/domain';
import type { CatalogViewRequirement } from '../../../shared/contract/catalogs';
import { call } from '../../api';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useAsync } from '../../useAsync';
import { CatalogTree } from './CatalogTree';
import { PART_LABELS } from './labels';
import { OverlayBar } from './OverlayBar';
import { RequirementDetail } from './RequirementDetail';

const PARTS: CatalogPart[] = ['2-1', '3-3', '4-2'];
const isPart = (p: string | undefined): p is CatalogPart => PARTS.includes(p as CatalogPart);

export interface CatalogBrowserProps {
  initialPart?: string;
  initialItem?: string;
}

/**
 * The three catalogs as a tree with search and filters, the selected entry beside it, and the
 * licensed overlay's state. Filtering runs on a deferred query over a tree built once per catalog,
 * and rows are memoised, so typing stays smooth.
 */
export function CatalogBrowser({ initialPart, initialItem }: CatalogBrowserProps) {
  const [part, setPart] = useState<CatalogPart>(isPart(initialPart) ? initialPart : '3-3');
  const [selectedId, setSelectedId] = useState<string | undefined>(initialItem);
  const [query, setQuery] = useState('');
  const [sl, setSl] = useState<number | null>(null);
  const [componentType, setComponentType] = useState<ComponentType | null>(null);
  const [version, setVersion] = useState(0);
  const deferredQuery = useDeferredValue(query);

  const summaries = useAsync(() => call('catalogs.list', {}), [version]);
  const summary = summaries.data?.find((s) => s.part === part);
  const catalogId = summary?.id;
  const view = useAsync(
    () => (catalogId ? call('catalogs.get', { catalogId }) : Promise.resolve(undefined)),
    [catalogId, version],
  );
  const catalog = view.data?.id === catalogId ? view.data : undefined;

  const tree = useMemo(() => (catalog ? browseTree(catalog.requirements) : []), [catalog]);
  const byId = useMemo(() => new Map(tree.map((n) => [n.requirement.id, n])), [tree]);
  const rows = useMemo(
    () => filterTree(tree, { query: deferredQuery, sl, componentType }),
    [tree, deferredQuery, sl, componentType],
  );
  const matches = useMemo(() => rows.filter((r) => r.matched).length, [rows]);

  // A fresh catalog opens on its first entry, unless the route named one.
  useEffect(() => {
    if (tree.length && (!selectedId || !byId.has(selectedId))) setSelectedId(tree[0].requirement.id);
  }, [tree, byId, selectedId]);

  const choosePart = (p: CatalogPart) => {
    if (p === part) return;
    setPart(p);
    setSelectedId(undefined);
    if (p !== '4-2') setComponentType(null);
    if (p === '2-1') setSl(null);
  };
  const onSelect = useCallback((id: string) => setSelectedId(id), []);
  const onOverlayChanged = useCallback(
    (changedId: string) => {
      const changed = summaries.data?.find((s) => s.id === changedId);
      if (changed && changed.part !== part) {
        setPart(changed.part);
        setSelectedId(undefined);
      }
      setVersion((v) => v + 1);
    },
    [summaries.data, part],
  );

  const selected = selectedId ? byId.get(selectedId) : undefined;
  const below = useMemo(
    () =>
      selected
        ? tree
            .filter((n) => n.requirement.parent === selected.requirement.id)
            .map((n): CatalogViewRequirement => n.requirement)
        : [],
    [tree, selected],
  );
  const parent = selected?.requirement.parent
    ? byId.get(selected.requirement.parent)?.requirement
    : undefined;

  return (
    <div className="catalog-browser">
      <div className="catalog-toolbar">
        <fieldset className="segmented">
          <legend className="sr-only">Catalog</legend>
          {PARTS.map((p) => (
            <button
              key={p}
              type="button"
              className={p === part ? 'segment active' : 'segment'}
              aria-pressed={p === part}
              onClick={() => choosePart(p)}
            >
              {PART_LABELS[p].short}
            </button>
          ))}
        </fieldset>
        <input
          type="search"
          className="catalog-search"
          aria-label="Search requirements"
          placeholder="Search id or words"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        {part !== '2-1' && (
          <label className="filter">
            <span>Required at</span>
            <select
              value={sl ?? ''}
              onChange={(e) => setSl(e.target.value ? Number(e.target.value) : null)}
              aria-label="Required at security level"
            >
              <option value="">any SL</option>
              {[1, 2, 3, 4].map((l) => (
                <option key={l} value={l}>
                  SL {l}
                </option>
              ))}
            </select>
          </label>
        )}
        {part === '4-2' && (
          <label className="filter">
            <span>Component</span>
            <select
              value={componentType ?? ''}
              onChange={(e) => setComponentType((e.target.value || null) as ComponentType | null)}
              aria-label="Component type"
            >
              <option value="">all types</option>
              {COMPONENT_TYPES.map((t) => (
                <option key={t} value={t}>
                  {COMPONENT_TYPE_NAMES[t]} ({t})
                </option>
              ))}
            </select>
          </label>
        )}
        {catalog && (
          <span className="muted small match-count" role="status" aria-live="polite">
            {matches === catalog.requirements.length
              ? `${matches} entries`
              : `${matches} of ${catalog.requirements.length} entries`}
          </span>
        )}
      </div>
      <ErrorBanner message={summaries.error ?? view.error} />
      {summary && <OverlayBar summary={summary} onChanged={onOverlayChanged} />}
      {catalog ? (
        <div className="catalog-split">
          <CatalogTree
            rows={rows}
            selectedId={selectedId}
            onSelect={onSelect}
            showLevels={catalog.scale === 'SL'}
          />
          {selected ? (
            <RequirementDetail
              catalog={catalog}
              requirement={selected.requirement}
              parent={parent}
              below={below}
              onSelect={onSelect}
            />
          ) : (
            <div className="catalog-detail muted">Choose an entry on the left.</div>
          )}
        </div>
      ) : (
        !view.error && <p className="muted">Loading the catalog…</p>
      )}
    </div>
  );
}
