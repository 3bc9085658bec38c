import { catalogStructureProblems } from './structure';
import { type Catalog, type CatalogRequirement, isChecklistItem } from './types';

/** One entry of a licensed overlay: the official text and/or corrected levels for one id. */
export interface CatalogOverlayEntry {
  id: string;
  text?: string;
  sl?: number[];
}

/** A licensed catalog overlay file (format documented in docs/catalog-overlay.md). */
export interface CatalogOverlay {
  format: 'zonewalk.catalog-overlay/1';
  catalog: string;
  name: string;
  version: string;
  notice?: string;
  entries: CatalogOverlayEntry[];
}

export interface OverlayProblem {
  /** JSON path into the overlay file, e.g. `entries[3].sl`. */
  path: string;
  message: string;
}

export interface OverlaidCatalog {
  /** The catalog with the overlay's level corrections applied. */
  catalog: Catalog;
  /** Official text per requirement id. */
  licensedText: ReadonlyMap<string, string>;
  /** The shipped levels of every requirement whose levels the overlay changed. */
  shippedSl: ReadonlyMap<string, number[]>;
}

export type OverlayVerdict =
  | ({ ok: true } & OverlaidCatalog)
  | { ok: false; unknownIds: string[]; problems: OverlayProblem[] };

const sameLevels = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((l, i) => l === b[i]);

/**
 * Checks an overlay against the catalog it names and, only when every entry is acceptable, returns
 * the overlaid catalog: all or nothing. Level corrections must leave a catalog that still keeps the
 * structure rules (cumulative levels, enhancements within their parent).
 */
export function applyOverlay(catalog: Catalog, overlay: CatalogOverlay): OverlayVerdict {
  const index = new Map(catalog.requirements.map((r, i) => [r.id, i]));
  const unknownIds: string[] = [];
  const problems: OverlayProblem[] = [];
  const seen = new Map<string, number>();
  overlay.entries.forEach((e, k) => {
    const at = `entries[${k}]`;
    const i = index.get(e.id);
    if (i === undefined) {
      unknownIds.push(e.id);
      return;
    }
    const first = seen.get(e.id);
    if (first !== undefined)
      problems.push({ path: `${at}.id`, message: `${e.id} appears twice (first at entries[${first}])` });
    seen.set(e.id, k);
    const r = catalog.requirements[i];
    if (e.sl && catalog.scale === 'ML')
      problems.push({
        path: `${at}.sl`,
        message: `${e.id} is rated on maturity levels; security levels cannot be corrected here`,
      });
    else if (e.sl && !isChecklistItem(r))
      problems.push({ path: `${at}.sl`, message: `${e.id} is a ${r.kind}, which has no levels to correct` });
  });
  if (unknownIds.length || problems.length) return { ok: false, unknownIds, problems };

  const requirements: CatalogRequirement[] = catalog.requirements.slice();
  const licensedText = new Map<string, string>();
  const shippedSl = new Map<string, number[]>();
  for (const e of overlay.entries) {
    const i = index.get(e.id) as number;
    const r = requirements[i];
    if (e.text) licensedText.set(e.id, e.text);
    if (e.sl && !sameLevels(e.sl, r.sl)) {
      shippedSl.set(e.id, r.sl);
      requirements[i] = { ...r, sl: [...e.sl] };
    }
  }
  const overlaid: Catalog = { ...catalog, requirements };
  const entryOf = new Map(overlay.entries.map((e, k) => [e.id, k]));
  for (const p of catalogStructureProblems(overlaid)) {
    // Blame the entry that corrected this requirement, else the one that corrected its parent.
    const r = requirements[Number(/^requirements\[(\d+)\]/.exec(p.path)?.[1])];
    const k = entryOf.get(r?.id ?? '') ?? entryOf.get(r?.parent ?? '');
    problems.push({
      path: k === undefined ? 'entries' : `entries[${k}].sl`,
      message: `with the corrected levels, ${p.message}`,
    });
  }
  if (problems.length) return { ok: false, unknownIds: [], problems };
  return { ok: true, catalog: overlaid, licensedText, shippedSl };
}
