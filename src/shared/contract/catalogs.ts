import { z } from 'zod';
import type { Catalog, CatalogPart, CatalogRequirement } from '../../core/catalog/types';
import { catalogIdSchema } from '../catalog';
import { channel } from './channel';
import { empty, fileBytes } from './fields';

/** The licensed overlay active for one catalog, and who brought it in. */
export interface OverlayInfo {
  catalogId: string;
  name: string;
  version: string;
  fileName: string;
  /** SHA-256 of the imported file, hex. */
  sha256: string;
  entries: number;
  /** Entries that carry official text. */
  texts: number;
  /** Requirements whose levels the overlay changed. */
  corrections: number;
  importedAt: string;
  importedBy: string;
}

/** An overlay stored earlier that can no longer be applied (a later Zonewalk changed the catalog). */
export interface StaleOverlay extends OverlayInfo {
  problem: string;
}

export interface CatalogSummary {
  id: string;
  part: CatalogPart;
  title: string;
  edition: string;
  scale: Catalog['scale'];
  requirements: number;
  /** Entries an auditor answers (not element groups or placeholders). */
  checklistItems: number;
  overlay: OverlayInfo | null;
  /** Set instead of `overlay` when the stored overlay no longer fits; the shipped catalog is used. */
  staleOverlay: StaleOverlay | null;
}

export interface CatalogViewRequirement extends CatalogRequirement {
  /** Official text from the licensed overlay, when one is loaded. */
  licensedText?: string;
  /** The shipped levels, present only when the overlay corrected them (`sl` holds the corrected ones). */
  shippedSl?: number[];
}

/** A catalog as this workspace uses it: the overlay's levels applied and its text merged in. */
export interface CatalogView extends Omit<Catalog, 'requirements'> {
  requirements: CatalogViewRequirement[];
  overlay: OverlayInfo | null;
  staleOverlay: StaleOverlay | null;
}

/** What a report states about the catalogs it was judged against. */
export interface CatalogVersion {
  catalogId: string;
  edition: string;
  overlay: Pick<OverlayInfo, 'name' | 'version' | 'importedAt' | 'sha256'> | null;
}

export interface OverlayImportResult {
  catalogId: string;
  /** Entries applied (all of them: an overlay is applied whole or not at all). */
  applied: number;
  overlay: OverlayInfo;
  /** The overlay it replaced, if any. */
  replaced: OverlayInfo | null;
}

export const catalogChannels = {
  'catalogs.list': channel<CatalogSummary[]>()(empty),
  'catalogs.get': channel<CatalogView>()(z.object({ catalogId: catalogIdSchema }).strict()),
  /** All or nothing; unknown ids come back in the error's details as `unknownIds`. */
  'catalogs.importOverlay': channel<OverlayImportResult>()(z.object({ file: fileBytes }).strict()),
  'catalogs.removeOverlay': channel<{ removed: OverlayInfo }>()(
    z.object({ catalogId: catalogIdSchema }).strict(),
  ),
};
