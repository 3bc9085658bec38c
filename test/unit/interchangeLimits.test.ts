import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/core/interchange/jsonChunks';
import { interchangeSchema, MAX_INTERCHANGE_BYTES } from '../../src/shared/interchange';

// What import accepts, export, package and verify must handle: the document's byte bound is the
// one limit, so the counts the schema allows must fit it with entries of the smallest size.

const bytes = (v: unknown) => new TextEncoder().encode([...jsonChunks(v)].join('')).length;
/** Bytes one more element adds to a top-level array of the document, as the canonical text writes it. */
const perElement = (key: string, element: unknown) =>
  bytes({ [key]: [element, element] }) - bytes({ [key]: [element] });

const UUID = '0b6f2c1e-8a8e-4c55-9f1e-7c1d2e3f4a5b';
const smallest = {
  responses: {
    scope: { kind: 'organisation' },
    requirement: 'x',
    result: 'met',
    maturity: null,
    justification: '',
    comment: '',
    evidence: [],
    flagged: false,
    assessedBy: '',
    assessedAt: '2026-11-27T15:30:00Z',
  },
  assets: {
    id: UUID,
    name: 'x',
    zone: UUID,
    componentType: 'EDR',
    vendor: '',
    model: '',
    firmware: '',
    legacy: false,
    roles: [],
    certificates: [],
    endOfLife: null,
  },
  evidence: {
    sha256: 'a'.repeat(64),
    fileName: 'x',
    mediaType: 'x',
    size: 0,
    capturedAt: '2026-11-27T15:30:00Z',
    capturedBy: '',
    description: '',
  },
};

/** The `.max(n)` of a top-level array of the schema. */
function maxCount(key: keyof typeof smallest): number {
  // A list the format lets a document leave out is wrapped in its default: read the array inside.
  let schema: { _zod: { def: { checks?: { _zod: { def: unknown } }[]; innerType?: unknown } } } =
    interchangeSchema.shape[key];
  while (schema._zod.def.innerType) schema = schema._zod.def.innerType as typeof schema;
  const checks = schema._zod.def.checks ?? [];
  const max = checks.map((c) => c._zod.def as { check?: string }).find((d) => d.check === 'max_length') as
    | { maximum?: number }
    | undefined;
  return max?.maximum ?? Number.POSITIVE_INFINITY;
}

describe('interchange limits', () => {
  it('is under what one JavaScript string can hold, so import can read a document of that size', () => {
    expect(MAX_INTERCHANGE_BYTES).toBeLessThan(2 ** 29 - 24);
  });

  it.each(Object.keys(smallest) as (keyof typeof smallest)[])(
    'the most %s the schema allows, each as small as it can be, fit the document bound',
    (key) => {
      expect(interchangeSchema.shape[key].safeParse([smallest[key]]).success).toBe(true);
      expect(maxCount(key) * perElement(key, smallest[key])).toBeLessThanOrEqual(MAX_INTERCHANGE_BYTES);
    },
  );
});
