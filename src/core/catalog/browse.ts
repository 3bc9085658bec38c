import type { ComponentType } from '../domain';
import { type CatalogRequirement, requiredFrom } from './types';

/** A requirement as the browser shows it: maybe with licensed text from an overlay. */
export type BrowsableRequirement = CatalogRequirement & { licensedText?: string };

export interface BrowseNode<R extends BrowsableRequirement = BrowsableRequirement> {
  requirement: R;
  /** 0 for SRs, CRs, placeholders and element groups; 1 for what hangs below them; and so on. */
  depth: number;
  /** Index of the parent node in the tree order, -1 for a root. */
  parent: number;
  /** Lower-case id, title, guidance and licensed text, for the search box. */
  haystack: string;
}

export interface BrowseFilter {
  query?: string;
  /** Show only what is required at or below this SL (3-3, 4-2). */
  sl?: number | null;
  /** Show only what applies to this component type (4-2). */
  componentType?: ComponentType | null;
}

export interface BrowseRow<R extends BrowsableRequirement = BrowsableRequirement> {
  node: BrowseNode<R>;
  /** false: shown only because something below it matches (a heading for context). */
  matched: boolean;
}

/**
 * The catalog as a tree in reading order: each root (SR, CR, placeholder, element group) followed
 * by its descendants, depth first, roots and siblings in catalog order. Built once per catalog.
 */
export function browseTree<R extends BrowsableRequirement>(requirements: readonly R[]): BrowseNode<R>[] {
  const ids = new Set(requirements.map((r) => r.id));
  const children = new Map<string, R[]>();
  const roots: R[] = [];
  for (const r of requirements) {
    if (r.parent !== null && ids.has(r.parent)) {
      const list = children.get(r.parent);
      if (list) list.push(r);
      else children.set(r.parent, [r]);
    } else roots.push(r);
  }
  const out: BrowseNode<R>[] = [];
  const visit = (r: R, depth: number, parent: number) => {
    const at = out.length;
    out.push({
      requirement: r,
      depth,
      parent,
      haystack: `${r.id} ${r.title} ${r.guidance} ${r.licensedText ?? ''}`.toLowerCase(),
    });
    for (const c of children.get(r.id) ?? []) visit(c, depth + 1, at);
  };
  for (const r of roots) visit(r, 0, -1);
  return out;
}

/** Does a typed query name this id or a family of ids ("sr 1.1" -> SR 1.1 and its REs, not SR 1.10)? */
export function matchesIdPrefix(id: string, query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, ' ');
  const lower = id.toLowerCase();
  if (!q || !lower.startsWith(q)) return false;
  const next = lower[q.length];
  return next === undefined || !(/\d$/.test(q) && /\d/.test(next));
}

/** "SR 1.1", "ndr 5", "ORG 1.2": the user is after an id, not a word in some guidance. */
const ID_LIKE = /^[a-z]{2,5} ?\d/i;

function matchesQuery(node: BrowseNode, query: string): boolean {
  if (ID_LIKE.test(query)) return matchesIdPrefix(node.requirement.id, query);
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return words.every((w) => node.haystack.includes(w));
}

/**
 * The rows to show for a filter: every node that matches it, plus the nodes above a match (as
 * context), in tree order. An empty filter shows everything.
 */
export function filterTree<R extends BrowsableRequirement>(
  tree: readonly BrowseNode<R>[],
  filter: BrowseFilter,
): BrowseRow<R>[] {
  const query = filter.query?.trim() ?? '';
  const matched = tree.map((n) => {
    const r = n.requirement;
    if (filter.sl != null && !(requiredFrom(r) <= filter.sl)) return false;
    if (filter.componentType && !r.componentTypes.includes(filter.componentType)) return false;
    return query === '' || matchesQuery(n, query);
  });
  const shown = matched.slice();
  // Children follow their parent in tree order, so one backward pass lifts every match's ancestors.
  for (let i = tree.length - 1; i >= 0; i--)
    if (shown[i] && tree[i].parent >= 0) shown[tree[i].parent] = true;
  const rows: BrowseRow<R>[] = [];
  tree.forEach((node, i) => {
    if (shown[i]) rows.push({ node, matched: matched[i] });
  });
  return rows;
}
