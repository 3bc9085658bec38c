import { z } from 'zod';
import type { CatalogOverlay } from '../core/catalog/overlay';
import { catalogIdSchema } from './catalog';

// The licensed catalog overlay file, defined once (docs/catalog-overlay.md); the type lives in core.

export const OVERLAY_FORMAT = 'zonewalk.catalog-overlay/1';
/** The whole of 62443-4-2 in full text is well under 1 MB; anything far larger is not an overlay. */
export const MAX_OVERLAY_BYTES = 8 * 1024 * 1024;

const text = z.string().trim().min(1);

export const catalogOverlayEntrySchema = z
  .object({
    // Not held to the id pattern: ids the catalog does not have are listed back to the user instead.
    id: z.string().trim().min(1).max(60),
    text: text.max(50_000).optional(),
    sl: z.array(z.number().int().min(1).max(4)).min(1).max(4).optional(),
  })
  .strict()
  .refine((e) => e.text !== undefined || e.sl !== undefined, {
    message: 'an entry needs the official text, a level correction (sl) or both',
  });

export const catalogOverlaySchema = z
  .object({
    format: z.literal(OVERLAY_FORMAT),
    catalog: catalogIdSchema,
    name: text.max(200),
    version: text.max(100),
    notice: z.string().max(2000).optional(),
    entries: z.array(catalogOverlayEntrySchema).min(1).max(5000),
  })
  .strict() satisfies z.ZodType<CatalogOverlay>;
