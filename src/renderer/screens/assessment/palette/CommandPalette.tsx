import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { COMPONENT_TYPE_NAMES, type Scope } from '../../../../core/domain';
import { call, errorMessage } from '../../../api';
import { type Route, useNavigate } from '../../../navigation';
import { setTheme } from '../../../theme';
import { scopeRoute } from '../scopeRoutes';
import { scopeName, useWorkspaceData } from '../workspaceData';
import { normaliseRequirementId, type PaletteEntry, rankEntries, scopeKindsFor } from './paletteSearch';

interface PaletteProps {
  assessmentId: string;
  sections: readonly { id: string; label: string }[];
  onClose: () => void;
}

/**
 * Ctrl+K: jump to any zone, conduit, asset or requirement, or run a command, without the mouse.
 * A combobox: the text field keeps focus, arrows move the active option, Enter runs it.
 */
export function CommandPalette({ assessmentId, sections, onClose }: PaletteProps) {
  const data = useWorkspaceData();
  const navigate = useNavigate();
  const ref = useRef<HTMLDialogElement>(null);
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [pick, setPick] = useState<{ message: string; entries: PaletteEntry[] }>();
  const [busy, setBusy] = useState<string>();
  const [error, setError] = useState<string>();

  useEffect(() => {
    const el = ref.current;
    if (el && !el.open) el.showModal();
    return () => el?.close();
  }, []);

  const go = (route: Route) => {
    onClose();
    navigate(route);
  };
  const section = (id: string, item?: string): Route => ({
    name: 'assessment',
    id: assessmentId,
    section: id,
    item,
  });
  const openScope = (scope: Scope, requirement?: string) => go(scopeRoute(assessmentId, scope, requirement));

  const candidates = (id: string): Scope[] =>
    scopeKindsFor(id).flatMap((kind): Scope[] => {
      if (kind === 'organisation') return [{ kind }];
      const list = kind === 'zone' ? data.zones : kind === 'conduit' ? data.conduits : data.assets;
      return list.map((x) => ({ kind, id: x.id }));
    });

  /** Opens the first scope whose checklist holds the requirement at its target; else lets the user pick. */
  const jumpToRequirement = async (id: string) => {
    setBusy(`Looking for ${id}…`);
    setError(undefined);
    try {
      const scopes = candidates(id);
      for (const scope of scopes) {
        const c = await call('checklists.get', { assessmentId, scope, aboveTarget: false });
        if (c.items.some((it) => it.requirement.id === id)) return openScope(scope, id);
      }
      const above: Scope[] = [];
      for (const scope of scopes) {
        const c = await call('checklists.get', { assessmentId, scope, aboveTarget: true });
        if (c.items.some((it) => it.requirement.id === id)) above.push(scope);
      }
      setBusy(undefined);
      if (!above.length) {
        setError(
          scopes.length
            ? `${id} is not in the checklist of any ${scopeKindsFor(id).join(' or ')} of this assessment.`
            : `${id} is answered on a ${scopeKindsFor(id).join(' or ')}, and there is none yet.`,
        );
        return;
      }
      setQuery('');
      setActive(0);
      setPick({
        message: `${id} is above the target of every scope where it could apply. Open it in:`,
        entries: above.map((scope) => ({
          id: `pick-${scope.kind}-${'id' in scope ? scope.id : ''}`,
          label: scopeName(data, scope),
          hint: scope.kind,
          run: () => openScope(scope, id),
        })),
      });
    } catch (e) {
      setBusy(undefined);
      setError(errorMessage(e));
    }
  };

  const entries = ((): PaletteEntry[] => {
    const zoneName = (id: string) => data.zones.find((z) => z.id === id)?.name ?? '';
    const list: PaletteEntry[] = [
      ...sections.map((s) => ({
        id: `s-${s.id}`,
        label: s.label,
        hint: 'Go to',
        run: () => go(section(s.id)),
      })),
      {
        id: 'c-zone',
        label: 'Add zone',
        hint: 'Command',
        keywords: 'new create',
        run: () => go(section('zones', 'new:zone')),
      },
      {
        id: 'c-conduit',
        label: 'Add conduit',
        hint: 'Command',
        keywords: 'new create',
        run: () => go(section('zones', 'new:conduit')),
      },
      {
        id: 'c-asset',
        label: 'Add asset',
        hint: 'Command',
        keywords: 'new create device',
        run: () => go(section('zones', 'new:asset')),
      },
      {
        id: 'c-import',
        label: 'Import assets from CSV or Excel',
        hint: 'Command',
        keywords: 'xlsx upload',
        run: () => go(section('zones', 'import')),
      },
      {
        id: 'c-finding',
        label: 'New finding',
        hint: 'Command',
        keywords: 'add create',
        run: () => go(section('findings', 'new')),
      },
      {
        id: 'c-theme',
        label: 'Switch light / dark theme',
        hint: 'Command',
        run: () => {
          setTheme(document.documentElement.dataset.theme === 'dark' ? 'light' : 'dark');
          onClose();
        },
      },
      ...data.zones.map((z) => ({
        id: `z-${z.id}`,
        label: z.name,
        hint: 'Zone',
        run: () => openScope({ kind: 'zone', id: z.id }),
      })),
      ...data.conduits.map((c) => ({
        id: `c-${c.id}`,
        label: c.name,
        hint: 'Conduit',
        keywords: `${zoneName(c.zones[0])} ${zoneName(c.zones[1])} ${c.protocols.join(' ')}`,
        run: () => openScope({ kind: 'conduit', id: c.id }),
      })),
      ...data.assets.map((a) => ({
        id: `a-${a.id}`,
        label: a.name,
        hint: `Asset in ${zoneName(a.zone)}`,
        keywords: `${a.vendor} ${a.model} ${a.componentType} ${COMPONENT_TYPE_NAMES[a.componentType]}`,
        run: () => openScope({ kind: 'asset', id: a.id }),
      })),
    ];
    if (sections.some((s) => s.id === 'export'))
      list.push({
        id: 'c-export',
        label: 'Export',
        hint: 'Command',
        keywords: 'pdf xlsx package report',
        run: () => go(section('export')),
      });
    return list;
  })();

  const requirementId = normaliseRequirementId(query);
  const results = pick
    ? rankEntries(pick.entries, query)
    : [
        ...(requirementId
          ? [
              {
                id: 'req',
                label: `Requirement ${requirementId}`,
                hint: 'Open its checklist',
                run: () => jumpToRequirement(requirementId),
              },
            ]
          : []),
        ...rankEntries(entries, query),
      ];
  const current = Math.min(active, Math.max(0, results.length - 1));

  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') setActive((a) => Math.min(results.length - 1, a + 1));
    else if (e.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (e.key === 'Home') setActive(0);
    else if (e.key === 'End') setActive(results.length - 1);
    else if (e.key === 'Enter') void results[current]?.run();
    else return;
    e.preventDefault();
  };

  return (
    <dialog
      ref={ref}
      className="palette"
      aria-label="Go to or run a command"
      onCancel={(e) => {
        e.preventDefault();
        if (pick) setPick(undefined);
        else onClose();
      }}
      onClick={(e) => e.target === ref.current && onClose()}
      onKeyDown={() => {}}
    >
      <input
        className="palette-input"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={results[current] ? `${listId}-${current}` : undefined}
        aria-label="Zone, asset, conduit, requirement id or command"
        placeholder={pick ? 'Filter the scopes' : 'Jump to a zone, asset, requirement id (SR 1.1) or command'}
        value={query}
        autoFocus
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setError(undefined);
        }}
        onKeyDown={onKey}
      />
      {pick && <p className="palette-note">{pick.message}</p>}
      {busy && (
        <p className="palette-note" role="status">
          {busy}
        </p>
      )}
      {error && (
        <p className="palette-note palette-error" role="alert">
          {error}
        </p>
      )}
      <div id={listId} role="listbox" className="palette-list" aria-label="Results">
        {results.map((r, i) => (
          // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox's field handles the keys
          <div
            key={r.id}
            id={`${listId}-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === current}
            className={i === current ? 'active' : undefined}
            onMouseMove={() => setActive(i)}
            onClick={() => void r.run()}
          >
            <span>{r.label}</span>
            <span className="muted small">{r.hint}</span>
          </div>
        ))}
      </div>
      {results.length === 0 && !busy && <p className="muted palette-empty">Nothing matches.</p>}
      <p className="palette-help small muted">
        <kbd>↑</kbd> <kbd>↓</kbd> choose · <kbd>Enter</kbd> open · <kbd>Esc</kbd> close
      </p>
    </dialog>
  );
}
