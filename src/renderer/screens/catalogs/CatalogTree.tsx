import { type KeyboardEvent, memo, useRef } from 'react';
import type { BrowseRow } from '../../../core/catalog/browse';
import type { CatalogViewRequirement } from '../../../shared/contract/catalogs';
import { groupLabel } from './labels';
import { SlFrom } from './SlBadges';

type Row = BrowseRow<CatalogViewRequirement>;

interface TreeProps {
  rows: Row[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** SL-rated catalogs show the level a row is required from. */
  showLevels: boolean;
}

// Props are the tree node (stable per catalog) and flags, so a keystroke or a click re-renders only
// the rows whose state changed.
const TreeRow = memo(function TreeRow({
  node,
  matched,
  selected,
  onSelect,
  showLevels,
}: {
  node: Row['node'];
  matched: boolean;
  selected: boolean;
  onSelect: (id: string) => void;
  showLevels: boolean;
}) {
  const r = node.requirement;
  const classes = ['tree-row', `depth-${Math.min(node.depth, 3)}`];
  if (!matched) classes.push('context');
  if (selected) classes.push('selected');
  return (
    <li>
      <button
        type="button"
        className={classes.join(' ')}
        data-id={r.id}
        aria-current={selected ? 'true' : undefined}
        onClick={() => onSelect(r.id)}
      >
        <span className="tree-id">{r.id}</span>
        <span className="tree-title" title={r.title}>
          {r.title}
        </span>
        {showLevels && <SlFrom sl={r.sl} />}
        {r.licensedText !== undefined && (
          <span className="tree-licensed" title="Official text loaded">
            ◆<span className="sr-only"> official text loaded</span>
          </span>
        )}
      </button>
    </li>
  );
});

/** The requirement tree, grouped by FR (or SPE); arrow keys move through the matching rows. */
export function CatalogTree({ rows, selectedId, onSelect, showLevels }: TreeProps) {
  const listRef = useRef<HTMLElement>(null);
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    e.preventDefault();
    const ids = rows.map((r) => r.node.requirement.id);
    const at = selectedId ? ids.indexOf(selectedId) : -1;
    const next = ids[Math.max(0, Math.min(ids.length - 1, at + (e.key === 'ArrowDown' ? 1 : -1)))];
    if (!next) return;
    onSelect(next);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-id="${CSS.escape(next)}"]`)?.focus();
  };
  if (rows.length === 0) {
    return (
      <nav className="catalog-tree empty" aria-label="Requirements">
        <p className="muted">Nothing matches. Clear the search or choose another level.</p>
      </nav>
    );
  }
  const groups: { fr: string; rows: Row[] }[] = [];
  for (const row of rows) {
    const fr = row.node.requirement.fr;
    const last = groups.at(-1);
    if (last && last.fr === fr) last.rows.push(row);
    else groups.push({ fr, rows: [row] });
  }
  return (
    <nav className="catalog-tree" aria-label="Requirements" ref={listRef} onKeyDown={onKeyDown}>
      {groups.map((g) => (
        <section
          key={`${g.fr}-${g.rows[0].node.requirement.id}`}
          className="tree-group"
          aria-label={groupLabel(g.fr)}
        >
          <h2 className="tree-group-title">{groupLabel(g.fr)}</h2>
          <ul>
            {g.rows.map((row) => (
              <TreeRow
                key={row.node.requirement.id}
                node={row.node}
                matched={row.matched}
                selected={row.node.requirement.id === selectedId}
                onSelect={onSelect}
                showLevels={showLevels}
              />
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
