import { describe, expect, it } from 'vitest';
import type { Asset, Finding, Zone } from '../../src/core/model';
import type { CallInput } from '../../src/renderer/api';
import { patchKeys, pickPatch } from '../../src/shared/contract/patch';
import { smallPlant } from '../helpers/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

// The finding drawer once sent the whole finding (id, evidence) as its patch; the strict schema
// refused it and Save did nothing. Patches now come from pickPatch, which copies the schema's keys.

describe('patches built from the schema', () => {
  it('a whole finding picked for findings.update saves; the same finding as it is is refused', async () => {
    const { table } = openTestWorkspace();
    const { a } = await smallPlant(table);
    const f = await ok<Finding>(
      table['findings.create']({ assessmentId: a.id, title: 'Shared admin password', severity: 'high' }),
    );
    const edited: Finding = { ...f, owner: 'OT team', due: '2027-03-31', status: 'in-progress' };

    const whole = await table['findings.update']({ assessmentId: a.id, id: f.id, patch: edited });
    expect(whole).toMatchObject({ ok: false, error: { code: 'invalid-input' } });

    const patch = pickPatch('findings.update', edited);
    expect(Object.keys(patch).sort()).toEqual(patchKeys('findings.update').sort());
    expect(patch).not.toHaveProperty('id');
    expect(patch).not.toHaveProperty('evidence');
    const saved = await ok<Finding>(table['findings.update']({ assessmentId: a.id, id: f.id, patch }));
    expect(saved).toMatchObject({ owner: 'OT team', due: '2027-03-31', status: 'in-progress' });
  });

  it('leaves out keys without a value, and works for zones and assets alike', async () => {
    const { table } = openTestWorkspace();
    const { a, zoneA, plc } = await smallPlant(table);
    expect(pickPatch('zones.update', { name: 'Cell A', description: undefined })).toEqual({ name: 'Cell A' });
    const zone = await ok<Zone>(
      table['zones.update']({
        assessmentId: a.id,
        id: zoneA.id,
        patch: pickPatch('zones.update', { ...zoneA, name: 'Cell A' }),
      }),
    );
    expect(zone.name).toBe('Cell A');
    const asset = await ok<Asset>(
      table['assets.update']({
        assessmentId: a.id,
        id: plc.id,
        patch: pickPatch('assets.update', { ...plc, firmware: 'V4.5' }),
      }),
    );
    expect(asset.firmware).toBe('V4.5');
  });

  it('the window cannot send a patch that did not come from pickPatch (checked by tsc)', () => {
    const finding = {} as Finding;
    // The bug as it was: a draft typed as the patch fields, holding the whole finding at run time.
    const draft: Omit<Finding, 'id' | 'evidence'> = finding;
    // @ts-expect-error a draft is not a picked patch
    const fromDraft: CallInput<'findings.update'> = { assessmentId: 'a', id: 'f', patch: draft };
    // @ts-expect-error nor is a spread of the whole record
    const fromSpread: CallInput<'findings.update'> = { assessmentId: 'a', id: 'f', patch: { ...finding } };
    const picked: CallInput<'findings.update'> = {
      assessmentId: 'a',
      id: 'f',
      patch: pickPatch('findings.update', draft),
    };
    expect([fromDraft, fromSpread, picked]).toHaveLength(3);
  });
});
