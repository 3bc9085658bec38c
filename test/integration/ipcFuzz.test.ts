import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/contract';
import { ERROR_CODES } from '../../src/shared/errors';
import { openTestWorkspace } from '../helpers/workspace';

// Arbitrary payloads at every channel of the contract: the handler table must always answer with a
// result or a typed error, never throw, never leak a stack trace, and keep the workspace usable.

const payload = fc.oneof(
  fc.anything({ maxDepth: 4, withNullPrototype: true, withBigInt: true, withDate: true, withMap: true }),
  fc.record({ assessmentId: fc.string(), id: fc.string(), title: fc.string() }, { requiredKeys: [] }),
  fc.json().map((j) => JSON.parse(j)),
  fc.constant(JSON.parse('{"__proto__":{"polluted":true}}')),
);

describe('IPC boundary fuzzing', () => {
  it('answers arbitrary payloads on every channel with a result or a typed error', async () => {
    const { table, services } = openTestWorkspace();
    const real = services.assessments.create({ title: 'Fuzz target' });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), payload, async (channel, input) => {
        const r = await table[channel](input);
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) {
          expect(ERROR_CODES).toContain(r.error.code);
          expect(r.error.message).toMatch(/\S/);
          expect(r.error.message).not.toMatch(/\n\s+at /);
          expect(r.error.code).not.toBe('internal');
        }
      }),
      { numRuns: Number(process.env.ZONEWALK_FUZZ_RUNS ?? 400) },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(services.assessments.get(real.id).title).toBe('Fuzz target');
    expect(services.ws.trail.verify(real.id).ok).toBe(true);
  });
});
