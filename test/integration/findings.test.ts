import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/core/model';
import { smallPlant } from '../helpers/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

describe('findings', () => {
  it('creates with defaults, lists, updates with from -> to, deletes', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const f = await ok<Finding>(
      table['findings.create']({
        assessmentId: a.id,
        title: ' Shared operator account ',
        severity: 'high',
        requirement: 'SR 1.1',
        scope: { kind: 'zone', id: zoneA.id },
        due: '2027-03-31',
      }),
    );
    expect(f).toMatchObject({
      title: 'Shared operator account',
      status: 'open',
      description: '',
      owner: '',
      evidence: [],
      scope: { kind: 'zone', id: zoneA.id },
    });
    expect(f.id).toMatch(/^shared-operator-account-[0-9a-z]{4}$/);
    const u = await ok<Finding>(
      table['findings.update']({
        assessmentId: a.id,
        id: f.id,
        patch: { status: 'in-progress', owner: 'OT manager' },
      }),
    );
    expect(u).toMatchObject({ status: 'in-progress', owner: 'OT manager', due: '2027-03-31' });
    expect(services.ws.trail.list(a.id).at(-1)!.data).toEqual({
      status: { from: 'open', to: 'in-progress' },
      owner: { from: '', to: 'OT manager' },
    });
    expect(await ok<Finding[]>(table['findings.list']({ assessmentId: a.id }))).toEqual([u]);
    await ok(table['findings.delete']({ assessmentId: a.id, id: f.id }));
    expect(await ok<Finding[]>(table['findings.list']({ assessmentId: a.id }))).toEqual([]);
    expect(services.ws.trail.list(a.id).at(-1)!.action).toBe('finding.deleted');
  });

  it('accepts a finding without scope or requirement', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table);
    const f = await ok<Finding>(
      table['findings.create']({ assessmentId: a.id, title: 'No OT security policy', severity: 'medium' }),
    );
    expect(f).toMatchObject({ scope: null, requirement: null });
    const g = await ok<Finding>(
      table['findings.create']({
        assessmentId: a.id,
        title: 'Patch process',
        severity: 'low',
        requirement: 'COMP 3.2',
      }),
    );
    expect(g.requirement).toBe('COMP 3.2');
  });

  it.each([
    ['a missing scope', { scope: { kind: 'asset', id: 'ghost' } }, 'not-found', /No asset with id ghost/],
    ['an unknown requirement', { requirement: 'SR 9.9' }, 'invalid-input', /unknown requirement "SR 9.9"/],
    [
      'a requirement of another catalog',
      { requirement: 'CR 1.1', scope: 'zone' },
      'invalid-input',
      /for a zone/,
    ],
    ['a bad due date', { due: '31.03.2027' }, 'invalid-input', /not valid/],
    ['a bad severity', { severity: 'extreme' }, 'invalid-input', /not valid/],
  ])('refuses %s', async (_n, extra, code, message) => {
    const { table } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const input: Record<string, unknown> = { assessmentId: a.id, title: 'X', severity: 'high', ...extra };
    if (input.scope === 'zone') input.scope = { kind: 'zone', id: zoneA.id };
    const r = await table['findings.create'](input);
    expect(r).toMatchObject({ ok: false, error: { code, message: expect.stringMatching(message) } });
    expect(await ok<Finding[]>(table['findings.list']({ assessmentId: a.id }))).toEqual([]);
  });

  it('refuses an update that points at a scope that does not exist', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table);
    const f = await ok<Finding>(
      table['findings.create']({ assessmentId: a.id, title: 'X', severity: 'low' }),
    );
    const r = await table['findings.update']({
      assessmentId: a.id,
      id: f.id,
      patch: { scope: { kind: 'zone', id: 'nope' } },
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await table['findings.delete']({ assessmentId: a.id, id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });
});
