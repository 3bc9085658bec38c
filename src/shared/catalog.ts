import { z } from 'zod';
import { ASSET_ROLES, type Catalog, REQUIREMENT_IMPACTS, REQUIREMENT_KINDS } from '../core/catalog/types';
import { COMPONENT_TYPES } from '../core/domain';

// The catalog file format, defined once; the TypeScript type lives in core so the rules can use it.

const text = z.string().trim().min(1);

/** `iec-62443-3-3:2013`: the part and the edition year. */
export const catalogIdSchema = z
  .string()
  .max(40)
  .regex(/^iec-62443-[0-9]-[0-9]:\d{4}$/, 'not a catalog id like iec-62443-3-3:2013');

export const catalogRequirementSchema = z
  .object({
    id: z
      .string()
      .regex(
        /^(SR|CR|SAR|EDR|HDR|NDR) \d+\.\d+( RE \d+)?$|^[A-Z]+ \d+(\.\d+)?$/,
        'not a 62443 requirement id',
      ),
    kind: z.enum(REQUIREMENT_KINDS),
    parent: z.string().nullable(),
    fr: z.string().regex(/^(FR[1-7]|ORG|CM|NET|COMP|DATA|USER|EVENT|AVAIL)$/),
    title: text.max(200),
    sl: z.array(z.number().int().min(1).max(4)).max(4),
    componentTypes: z.array(z.enum(COMPONENT_TYPES)).max(4),
    guidance: z.string().max(4000),
    questions: z.array(text.max(500)).max(3),
    evidence: z.array(text.max(500)).max(5),
    note: z.string().max(1000).optional(),
    disputed: z.enum(['sl', 'title', 'componentTypes']).optional(),
    impact: z.enum(REQUIREMENT_IMPACTS).optional(),
    impactReason: z.string().max(300).optional(),
    recommendation: z.string().max(2000).optional(),
    recommendationByType: z.partialRecord(z.enum(COMPONENT_TYPES), z.string().max(2000)).optional(),
    conduit: z.boolean().optional(),
    conduitGuidance: z.string().max(4000).optional(),
    condition: z.enum(ASSET_ROLES).optional(),
    counterpart: z.string().max(40).nullable().optional(),
  })
  .strict();

export const catalogSchema = z
  .object({
    format: z.literal('zonewalk.catalog/1'),
    id: catalogIdSchema,
    part: z.enum(['2-1', '3-3', '4-2']),
    title: text.max(300),
    edition: text.max(200),
    scale: z.enum(['SL', 'ML']),
    notice: z.string().max(2000),
    requirements: z.array(catalogRequirementSchema).min(1).max(5000),
  })
  .strict() satisfies z.ZodType<Catalog>;

/** `requirements[12].sl[0]` from a zod issue path. */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || '(root)';
}
