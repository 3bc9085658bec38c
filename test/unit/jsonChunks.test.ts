import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonChunks } from '../../src/core/interchange/jsonChunks';

const streamed = (v: unknown) => [...jsonChunks(v)].join('');

describe('jsonChunks', () => {
  it('is JSON.stringify(value, null, 2) byte for byte, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(streamed(v)).toBe(JSON.stringify(v, null, 2));
      }),
      { numRuns: 2000 },
    );
  });

  it('writes what JSON.stringify writes for empty containers, undefined, dates and odd numbers', () => {
    const odd = {
      a: [],
      b: {},
      c: undefined,
      d: [undefined, () => 1, { x: undefined }],
      e: new Date('2026-11-27T15:30:00Z'),
      f: [Number.NaN, -0, 1e21],
      g: { h: [{ i: [[]] }], j: 'line\nbreak "quoted" \u2028' },
      '2': 'integer-like keys first',
    };
    expect(streamed(odd)).toBe(JSON.stringify(odd, null, 2));
    expect(streamed([{}])).toBe(JSON.stringify([{}], null, 2));
    expect(streamed('plain')).toBe('"plain"');
  });

  it('yields the elements of a large top-level array one by one', () => {
    const doc = { responses: Array.from({ length: 10_000 }, (_, i) => ({ i, comment: 'x' })) };
    let pieces = 0;
    let longest = 0;
    for (const piece of jsonChunks(doc)) {
      pieces++;
      longest = Math.max(longest, piece.length);
    }
    expect(pieces).toBeGreaterThan(20_000);
    expect(longest).toBeLessThan(100);
  });
});
