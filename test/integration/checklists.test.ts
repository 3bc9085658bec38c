import { describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../src/core/catalog/applicability';
import { responseKey } from '../../src/core/domain';
import type { ChecklistResponse } from '../../src/core/model';
import type { Checklist } from '../../src/shared/contract/checklists';
import { conduitBetween, sl, smallPlant } from '../helpers/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

describe('checklists.get', () => {
  it('lists a zone checklist in catalog order at its SL-T, with progress', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const scope = { kind: 'zone' as const, id: zoneA.id };
    const list = await ok<Checklist>(table['checklists.get']({ assessmentId: a.id, scope }));
    const catalog = services.catalogs.byPart('3-3');
    const expected = catalog.requirements.filter((r) => Math.min(...r.sl) <= 2).map((r) => r.id);
    expect(list.items.map((i) => i.requirement.id)).toEqual(expected);
    expect(list.items.every((i) => i.atTarget && i.response === null)).toBe(true);
    expect(list).toMatchObject({
      scopeName: 'Zone A',
      catalogId: 'iec-62443-3-3:2013',
      slTarget: sl(2),
      targetMaturity: null,
    });
    expect(list.progress).toEqual({ answered: 0, total: expected.length });

    await ok(
      table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 1.1', patch: { result: 'met' } }),
    );
    await ok(
      table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 1.2', patch: { flagged: true } }),
    );
    const again = await ok<Checklist>(table['checklists.get']({ assessmentId: a.id, scope }));
    expect(again.progress.answered).toBe(1); // a flag alone is not an answer
    expect(again.items[0].response).toMatchObject({ result: 'met', requirement: 'SR 1.1' });
    expect(again.items.find((i) => i.requirement.id === 'SR 1.2')!.response).toMatchObject({
      result: 'not-assessed',
      flagged: true,
    });
  });

  it('adds the items above target, marked, without counting them in progress', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const scope = { kind: 'zone' as const, id: zoneA.id };
    const all = await ok<Checklist>(
      table['checklists.get']({ assessmentId: a.id, scope, aboveTarget: true }),
    );
    const catalog = services.catalogs.byPart('3-3');
    expect(all.items.map((i) => i.requirement.id)).toEqual(catalog.requirements.map((r) => r.id));
    const above = all.items.filter((i) => !i.atTarget);
    expect(above.length).toBeGreaterThan(0);
    expect(above.every((i) => Math.min(...i.requirement.sl) > 2)).toBe(true);
    expect(all.progress.total).toBe(all.items.length - above.length);
  });

  it('gives an asset the 4-2 items of its component type at its zone SL-T', async () => {
    const { table, services } = openTestWorkspace();
    const { a, plc } = await smallPlant(table);
    const list = await ok<Checklist>(
      table['checklists.get']({ assessmentId: a.id, scope: { kind: 'asset', id: plc.id } }),
    );
    const expected = applicableRequirements(
      services.catalogs.byPart('4-2'),
      { kind: 'asset', componentType: 'EDR' },
      sl(2),
    );
    expect(list.items.map((i) => i.requirement.id)).toEqual(expected.map((r) => r.id));
    expect(list.items.some((i) => i.requirement.id.startsWith('EDR'))).toBe(true);
    expect(list.items.some((i) => /^(HDR|NDR|SAR)/.test(i.requirement.id))).toBe(false);
    expect(list.slTarget).toEqual(sl(2));
  });

  it('gives the organisation every 2-1 requirement (no headings) and the target maturity', async () => {
    const { table, services } = openTestWorkspace();
    const { a } = await smallPlant(table);
    const list = await ok<Checklist>(
      table['checklists.get']({ assessmentId: a.id, scope: { kind: 'organisation' } }),
    );
    const items = services.catalogs.byPart('2-1').requirements.filter((r) => r.kind === 'requirement');
    expect(list.items.map((i) => i.requirement.id)).toEqual(items.map((r) => r.id));
    expect(list).toMatchObject({ slTarget: null, targetMaturity: 3, scopeName: 'Organisation' });
    const scope = { kind: 'organisation' as const };
    const set = (requirement: string, patch: object) =>
      ok(table['responses.set']({ assessmentId: a.id, scope, requirement, patch }));
    await set('ORG 1.1', { maturity: 1 });
    await set('ORG 1.2', { result: 'not-applicable', justification: 'No wireless anywhere on site' });
    await set('ORG 1.3', { result: 'met' }); // no maturity yet: not rated, so not answered
    await set('ORG 1.4', { comment: 'ask the CISO' });
    const after = await ok<Checklist>(table['checklists.get']({ assessmentId: a.id, scope }));
    expect(after.progress).toEqual({ answered: 2, total: items.length });
  });

  it('fills each answer with its evidence links', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const scope = { kind: 'zone' as const, id: zoneA.id };
    await ok(
      table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 1.1', patch: { result: 'met' } }),
    );
    const db = services.ws.db;
    for (const [h, removed] of [
      ['b', null],
      ['a', null],
      ['c', '2026-01-01T00:00:00Z'],
    ] as const) {
      db.prepare(
        `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, captured_at, captured_by, added_at, removed_at)
         VALUES (?, ?, 'x', 'image/png', 1, 't', 'me', 't', ?)`,
      ).run(a.id, h.repeat(64), removed);
      db.prepare(
        `INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, 'response', ?, 't')`,
      ).run(a.id, h.repeat(64), responseKey(scope, 'SR 1.1'));
    }
    const list = await ok<Checklist>(table['checklists.get']({ assessmentId: a.id, scope }));
    expect(list.items[0].response!.evidence).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
    const r = await ok<ChecklistResponse>(
      table['responses.set']({
        assessmentId: a.id,
        scope,
        requirement: 'SR 1.1',
        patch: { comment: 'seen' },
      }),
    );
    expect(r.evidence).toEqual(['a'.repeat(64), 'b'.repeat(64)]);
  });

  it('answers unknown scopes with not-found', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table);
    expect(
      await table['checklists.get']({ assessmentId: a.id, scope: { kind: 'conduit', id: 'x' } }),
    ).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'No conduit with id x in this assessment.' },
    });
  });
});

describe('responses.set and responses.clear', () => {
  it('upserts one answer, keeps fields not given, and audits from -> to', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA } = await smallPlant(table);
    const scope = { kind: 'zone' as const, id: zoneA.id };
    const set = (patch: object) =>
      ok<ChecklistResponse>(
        table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 1.1', patch }),
      );
    const first = await set({ result: 'not-met', comment: 'shared account' });
    expect(first).toMatchObject({
      result: 'not-met',
      comment: 'shared account',
      maturity: null,
      flagged: false,
      evidence: [],
    });
    expect(first.assessedBy).toBe(services.ws.actor());
    const second = await set({ result: 'met' });
    expect(second.comment).toBe('shared account');
    const events = services.ws.trail.list(a.id).filter((e) => e.action === 'response.set');
    expect(events.map((e) => e.entityId)).toEqual([
      responseKey(scope, 'SR 1.1'),
      responseKey(scope, 'SR 1.1'),
    ]);
    expect(events[0].data).toEqual({
      scope: 'Zone A',
      result: { from: null, to: 'not-met' },
      comment: { from: '', to: 'shared account' },
    });
    expect(events[1].data).toEqual({ scope: 'Zone A', result: { from: 'not-met', to: 'met' } });
    const n = services.ws.trail.list(a.id).length;
    await set({ result: 'met' });
    expect(services.ws.trail.list(a.id)).toHaveLength(n);
  });

  it.each([
    ['an unknown requirement', 'zone', 'SR 9.9', {}, /Unknown requirement "SR 9.9" for a zone/],
    ['a 4-2 id on a zone', 'zone', 'CR 1.1', {}, /Unknown requirement "CR 1.1" for a zone/],
    ['a 3-3 id on an asset', 'asset', 'SR 1.1', {}, /Unknown requirement "SR 1.1" for an asset/],
    [
      'another component type',
      'asset',
      'HDR 3.11',
      {},
      /"HDR 3.11" does not apply to a component of type EDR/,
    ],
    ['a 2-1 heading', 'organisation', 'ORG 1', {}, /"ORG 1" is a heading, not a checklist item/],
    [
      'a maturity outside the questionnaire',
      'zone',
      'SR 1.1',
      { maturity: 2 },
      /Only the organisation questionnaire/,
    ],
    [
      'a justification on an answer that is not N/A',
      'zone',
      'SR 1.1',
      { result: 'not-met', justification: 'x' },
      /Only a not-applicable answer carries a justification/,
    ],
    [
      'an N/A without a justification',
      'asset',
      'CR 1.1',
      { result: 'not-applicable' },
      /A not-applicable answer needs a justification: say why it does not apply/,
    ],
  ])('refuses %s', async (_n, kind, requirement, patch, message) => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA, plc } = await smallPlant(table);
    const scope = kind === 'organisation' ? { kind } : { kind, id: kind === 'zone' ? zoneA.id : plc.id };
    const r = await table['responses.set']({ assessmentId: a.id, scope, requirement, patch });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', message: expect.stringMatching(message) },
    });
    expect(services.ws.db.prepare('SELECT COUNT(*) FROM response').pluck().get()).toBe(0);
  });

  it('refuses out-of-range input at the boundary', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table);
    for (const patch of [
      { maturity: 5 },
      { result: 'great' },
      { comment: 'x'.repeat(20_001) },
      { bogus: 1 },
    ]) {
      const r = await table['responses.set']({
        assessmentId: a.id,
        scope: { kind: 'organisation' },
        requirement: 'ORG 1.1',
        patch,
      });
      expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    }
  });

  it('keeps the justification on an N/A answer and drops it when the answer leaves N/A', async () => {
    const { table, services } = openTestWorkspace();
    const { a, plc } = await smallPlant(table);
    const scope = { kind: 'asset' as const, id: plc.id };
    const set = (patch: object) =>
      ok<ChecklistResponse>(
        table['responses.set']({ assessmentId: a.id, scope, requirement: 'CR 1.1', patch }),
      );
    expect(await set({ result: 'not-applicable', justification: 'No user interface at all' })).toMatchObject({
      justification: 'No user interface at all',
    });
    expect(await set({ result: 'partially-met' })).toMatchObject({ justification: '' });
    expect(services.ws.trail.list(a.id).at(-1)!.data).toEqual({
      scope: 'PLC 1',
      result: { from: 'not-applicable', to: 'partially-met' },
      justification: { from: 'No user interface at all', to: '' },
    });
  });

  it('derives the organisation result from the maturity unless the result is given', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table); // target maturity 3
    const scope = { kind: 'organisation' as const };
    const set = (requirement: string, patch: object) =>
      ok<ChecklistResponse>(table['responses.set']({ assessmentId: a.id, scope, requirement, patch }));
    expect(await set('ORG 1.1', { maturity: 3 })).toMatchObject({ maturity: 3, result: 'met' });
    expect(await set('ORG 1.2', { maturity: 4 })).toMatchObject({ result: 'met' });
    expect(await set('ORG 1.3', { maturity: 2 })).toMatchObject({ result: 'partially-met' });
    expect(await set('ORG 1.4', { maturity: 0 })).toMatchObject({ result: 'not-met' });
    expect(
      await set('ORG 1.5', { maturity: null, justification: 'Outsourced to the utility' }),
    ).toMatchObject({
      maturity: null,
      result: 'not-applicable',
    });
    expect(await set('ORG 1.1', { result: 'not-applicable', justification: 'Outsourced' })).toMatchObject({
      maturity: null,
      result: 'not-applicable',
    });
    expect(await set('ORG 1.3', { maturity: 2, result: 'met' })).toMatchObject({
      maturity: 2,
      result: 'met',
    });
    const both = await table['responses.set']({
      assessmentId: a.id,
      scope,
      requirement: 'ORG 1.1',
      patch: { maturity: 2, result: 'not-applicable', justification: 'Outsourced' },
    });
    expect(both).toMatchObject({ ok: false, error: { message: 'A not-applicable answer has no maturity.' } });
  });

  it('clears an answer with an audit event of what it held', async () => {
    const { table, services } = openTestWorkspace();
    const { a, zoneA, zoneB } = await smallPlant(table);
    const c = await conduitBetween(table, a.id, [zoneA.id, zoneB.id]);
    const scope = { kind: 'conduit' as const, id: c.id };
    await ok(
      table['responses.set']({
        assessmentId: a.id,
        scope,
        requirement: 'SR 5.1',
        patch: { result: 'met', comment: 'ok' },
      }),
    );
    expect(await ok(table['responses.clear']({ assessmentId: a.id, scope, requirement: 'SR 5.1' }))).toEqual({
      cleared: true,
    });
    expect(await ok(table['responses.clear']({ assessmentId: a.id, scope, requirement: 'SR 5.1' }))).toEqual({
      cleared: false,
    });
    const ev = services.ws.trail.list(a.id).at(-1)!;
    expect(ev).toMatchObject({
      action: 'response.cleared',
      entityId: responseKey(scope, 'SR 5.1'),
      data: { scope: 'A to B', result: { from: 'met', to: null }, comment: { from: 'ok', to: '' } },
    });
    const list = await ok<Checklist>(table['checklists.get']({ assessmentId: a.id, scope }));
    expect(list.items.every((i) => i.response === null)).toBe(true);
  });
});
