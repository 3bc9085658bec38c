import type { ComponentType } from '../domain';
import { catalogPartFor } from './applicability';
import { type Catalog, type CatalogPart, type CatalogRequirement, isChecklistItem } from './types';

const SCOPE_WORDS = {
  organisation: 'the organisation',
  zone: 'a zone',
  conduit: 'a conduit',
  asset: 'an asset',
} as const;

/** Fast lookups over the three catalogs: by part and id, and each requirement's position in its catalog. */
export class RequirementIndex {
  private readonly byPart = new Map<CatalogPart, Map<string, { req: CatalogRequirement; order: number }>>();

  constructor(readonly catalogs: readonly Catalog[]) {
    for (const c of catalogs) {
      const m = new Map<string, { req: CatalogRequirement; order: number }>();
      c.requirements.forEach((req, order) => {
        m.set(req.id, { req, order });
      });
      this.byPart.set(c.part, m);
    }
  }

  find(part: CatalogPart, id: string): CatalogRequirement | undefined {
    return this.byPart.get(part)?.get(id)?.req;
  }

  /** Position in the catalog; requirements not in it sort last. */
  order(part: CatalogPart, id: string): number {
    return this.byPart.get(part)?.get(id)?.order ?? Number.MAX_SAFE_INTEGER;
  }

  hasCatalogId(id: string): boolean {
    return this.catalogs.some((c) => c.id === id);
  }

  /**
   * Why `id` cannot be answered for this kind of scope, as the end of a sentence, or null when it
   * can: it must be a checklist item of the scope's catalog (2-1 organisation, 3-3 zone and conduit,
   * 4-2 asset) and, for an asset, apply to its component type.
   */
  problem(kind: keyof typeof SCOPE_WORDS, id: string, componentType?: ComponentType): string | null {
    const req = this.find(catalogPartFor(kind), id);
    if (!req) return `unknown requirement "${id}" for ${SCOPE_WORDS[kind]}`;
    if (!isChecklistItem(req)) return `"${id}" is a heading, not a checklist item`;
    if (kind === 'asset' && componentType && !req.componentTypes.includes(componentType)) {
      return `"${id}" does not apply to a component of type ${componentType}`;
    }
    return null;
  }
}
