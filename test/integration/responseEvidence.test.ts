import { expect, it } from 'vitest';
import type { ChecklistResponse, Zone } from '../../src/core/model';
import { ok, openTestWorkspace } from '../helpers/workspace';

it('a first answer carries the evidence linked to it before it was given (photo first, then the verdict)', async () => {
  const { services, table } = openTestWorkspace();
  const a = services.assessments.create({ title: 'Evidence first' });
  const sl = { FR1: 1, FR2: 1, FR3: 1, FR4: 1, FR5: 1, FR6: 1, FR7: 1 };
  const zone = await ok<Zone>(table['zones.create']({ assessmentId: a.id, name: 'Z', slTarget: sl }));
  const scope = { kind: 'zone', id: zone.id };
  const added = await ok<{ item: { sha256: string } }>(
    table['evidence.addNote']({
      assessmentId: a.id,
      text: 'No USB policy on the HMIs.',
      target: { kind: 'response', scope, requirement: 'SR 1.1' },
    }),
  );
  const answer = await ok<ChecklistResponse>(
    table['responses.set']({ assessmentId: a.id, scope, requirement: 'SR 1.1', patch: { result: 'met' } }),
  );
  expect(answer.evidence).toEqual([added.item.sha256]);
});
