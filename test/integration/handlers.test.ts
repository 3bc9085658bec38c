import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../src/shared/contract';
import type { AssessmentDetails, AssessmentSummary } from '../../src/shared/contract/assessments';
import { ok, openTestWorkspace } from '../helpers/workspace';

describe('handler table', () => {
  it('serves every channel of the contract', () => {
    const { table } = openTestWorkspace();
    expect(Object.keys(table).sort()).toEqual([...CHANNEL_NAMES].sort());
  });

  it('creates, lists, renames and deletes, each with an audit event', async () => {
    const { table, services } = openTestWorkspace();
    const a = await ok<AssessmentDetails>(
      table['assessments.create']({ title: '  Refinery  ', site: 'North' }),
    );
    expect(a.title).toBe('Refinery');
    await ok(table['assessments.rename']({ id: a.id, title: 'Refinery 2026' }));
    const list = await ok<AssessmentSummary[]>(table['assessments.list']({}));
    expect(list.map((x) => x.title)).toEqual(['Refinery 2026']);
    await ok(table['assessments.delete']({ id: a.id }));
    expect(await ok(table['assessments.list']({}))).toEqual([]);
    const events = services.ws.trail.list(a.id);
    expect(events.map((e) => e.action)).toEqual([
      'assessment.created',
      'assessment.updated',
      'assessment.deleted',
    ]);
    expect(events[1].data).toEqual({ title: { from: 'Refinery', to: 'Refinery 2026' } });
    expect(services.ws.trail.verify(a.id).ok).toBe(true);
  });

  it.each([
    ['wrong types', { title: 42 }],
    ['missing field', {}],
    ['extra field', { title: 'x', admin: true }],
    ['huge string', { title: 'x'.repeat(5_000_000) }],
    ['empty title', { title: '   ' }],
    ['not an object', 'DROP TABLE assessment'],
    ['null', null],
    ['prototype pollution', JSON.parse('{"title":"x","__proto__":{"polluted":1}}')],
  ])('answers %s with a typed error and lives on', async (_name, input) => {
    const { table } = openTestWorkspace();
    const r = await table['assessments.create'](input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-input');
      // A sentence for people: which field, in words; never zod's wording or a schema path.
      expect(r.error.message).toMatch(/^(The title |Zonewalk sent a request).*\.$/);
      expect(r.error.message).not.toMatch(/Unrecognized|Invalid|expected|received/);
      expect(r.error.message.length).toBeLessThan(300);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await table['assessments.list']({})).ok).toBe(true);
  });

  it('answers unknown ids with not-found, not a crash', async () => {
    const { table } = openTestWorkspace();
    const r = await table['assessments.get']({ id: 'nope' });
    expect(r).toEqual({
      ok: false,
      error: { code: 'not-found', message: expect.stringMatching(/No assessment/) },
    });
  });

  it('turns an unexpected exception into an internal error without a stack trace', async () => {
    const { table, services } = openTestWorkspace();
    services.ws.db.exec('DROP TABLE audit_event');
    const r = await table['assessments.create']({ title: 'x' });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('internal');
      expect(JSON.stringify(r.error)).not.toMatch(/at .*\.ts:\d+/);
    }
    // The failed write left nothing half-done.
    services.ws.db.exec('CREATE TABLE audit_event (x)');
    expect(services.assessments.list()).toEqual([]);
  });
});
