import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../../src/core/catalog/applicability';
import type { Scope } from '../../../src/core/domain';
import { fnv1a64Base32, fnv1a64Hex } from '../../../src/core/fnv1a64';
import { gapId } from '../../../src/core/scoring/gapId';
import { scoreAssessment } from '../../../src/core/scoring/scoreAssessment';
import { generatePlant } from '../../helpers/scoringPlant';
import { realCatalogs } from './fixtures';

/** The textbook definition with BigInt, to check the limb arithmetic against. */
function referenceFnv1a64(text: string): bigint {
  let h = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text))
    h = ((h ^ BigInt(byte)) * 0x100000001b3n) & 0xffffffffffffffffn;
  return h;
}

describe('FNV-1a 64', () => {
  it('matches the published test vectors', () => {
    expect(fnv1a64Hex('')).toBe('cbf29ce484222325');
    expect(fnv1a64Hex('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64Hex('foobar')).toBe('85944171f73967e8');
  });

  it('matches the BigInt definition for any text, including emoji and lone surrogates', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 64 }), (s) => {
        expect(fnv1a64Hex(s)).toBe(referenceFnv1a64(s).toString(16).padStart(16, '0'));
      }),
      { numRuns: 2000 },
    );
  });

  it('base32 is the top 40 bits in Crockford digits', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (s) => {
        const top40 = referenceFnv1a64(s) >> 24n;
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const expected = Array.from(
          { length: 8 },
          (_, i) => alphabet[Number((top40 >> BigInt(35 - 5 * i)) & 31n)],
        ).join('');
        expect(fnv1a64Base32(s)).toBe(expected);
      }),
    );
  });
});

describe('gapId', () => {
  it('is GAP- and 8 Crockford characters, derived from scope and requirement only', () => {
    const id = gapId({ kind: 'zone', id: 'z1' }, 'SR 1.1');
    expect(id).toMatch(/^GAP-[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(id).toBe(`GAP-${fnv1a64Base32('zone:z1|SR 1.1')}`);
    expect(gapId({ kind: 'zone', id: 'z1' }, 'SR 1.1')).toBe(id);
    expect(gapId({ kind: 'conduit', id: 'z1' }, 'SR 1.1')).not.toBe(id);
    expect(gapId({ kind: 'zone', id: 'z1' }, 'SR 1.1 RE 1')).not.toBe(id);
  });

  it('never changes: these ids are in exported gap registers', () => {
    expect(gapId({ kind: 'organisation' }, 'ORG 1.1')).toBe('GAP-SAVRYWS4');
    expect(gapId({ kind: 'zone', id: 'zone-control' }, 'SR 1.1')).toBe('GAP-XDZHWZBA');
    expect(gapId({ kind: 'asset', id: '3f2a9c1e-7b4d-4e8a-9c0f-1d2e3f4a5b6c' }, 'EDR 3.10 RE 1')).toBe(
      'GAP-FD0DE5H4',
    );
  });

  it('has no collision among every possible gap of a realistic plant (over 20,000)', () => {
    const catalogs = realCatalogs();
    const plant = generatePlant(catalogs, { zones: 10, conduits: 5, assets: 240, result: 'not-met' });
    const all = { aboveTarget: true };
    const keys: [Scope, string][] = [];
    for (const r of applicableRequirements(catalogs['2-1'], { kind: 'organisation' }, null))
      keys.push([{ kind: 'organisation' }, r.id]);
    for (const z of plant.zones)
      for (const r of applicableRequirements(catalogs['3-3'], { kind: 'zone' }, null, all))
        keys.push([{ kind: 'zone', id: z.id }, r.id]);
    for (const c of plant.conduits)
      for (const r of applicableRequirements(catalogs['3-3'], { kind: 'conduit' }, null, all))
        keys.push([{ kind: 'conduit', id: c.id }, r.id]);
    for (const a of plant.assets)
      for (const r of applicableRequirements(
        catalogs['4-2'],
        { kind: 'asset', componentType: a.componentType },
        null,
        all,
      ))
        keys.push([{ kind: 'asset', id: a.id }, r.id]);
    expect(keys.length).toBeGreaterThan(20_000);
    expect(new Set(keys.map(([s, r]) => gapId(s, r))).size).toBe(keys.length);
  });

  it('has no collision for sequential, low-entropy ids either', () => {
    const ids = new Set<string>();
    for (let i = 0; i < 250; i++)
      for (let r = 1; r <= 100; r++)
        ids.add(gapId({ kind: 'asset', id: `asset-${i}` }, `CR ${Math.ceil(r / 10)}.${r % 10}`));
    expect(ids.size).toBe(25_000);
  });

  it('stays the same across exports: a re-ordered model scores to the same gap ids', () => {
    const catalogs = realCatalogs();
    const plant = generatePlant(catalogs, { zones: 3, conduits: 2, assets: 12, seed: 7 });
    const again = {
      ...plant,
      responses: [...plant.responses].reverse(),
      assets: [...plant.assets].reverse(),
    };
    const ids = scoreAssessment(plant, catalogs).gaps.map((g) => g.gapId);
    expect(ids.length).toBeGreaterThan(100);
    expect(scoreAssessment(again, catalogs).gaps.map((g) => g.gapId)).toEqual(ids);
  });
});
