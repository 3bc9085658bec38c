import { describe, expect, it } from 'vitest';
import { uniformSl } from '../../src/core/domain';
import { type MergeableDocument, planMerge, resolveMerge } from '../../src/core/merge/planMerge';
import type { ChecklistResponse } from '../../src/core/model';

const zone = (id: string, name: string) => ({ id, name, description: '', slTarget: uniformSl(2) });
const answer = (
  scopeId: string,
  requirement: string,
  result: ChecklistResponse['result'],
  by = 'ana',
): ChecklistResponse => ({
  scope: { kind: 'zone', id: scopeId },
  requirement,
  result,
  maturity: null,
  justification: '',
  comment: '',
  evidence: [],
  flagged: false,
  assessedBy: by,
  assessedAt: '2026-11-27T10:00:00Z',
});
const doc = (over: Partial<MergeableDocument>): MergeableDocument => ({
  zones: [],
  conduits: [],
  assets: [],
  responses: [],
  findings: [],
  evidence: [],
  ...over,
});

describe('planning a merge of two auditors work', () => {
  const mine = doc({
    zones: [zone('z1', 'Intake'), zone('z2', 'Control room')],
    responses: [answer('z1', 'SR 1.1', 'met'), answer('z2', 'SR 1.1', 'not-met')],
    evidence: [
      {
        sha256: 'a'.repeat(64),
        fileName: 'a.jpg',
        mediaType: 'image/jpeg',
        size: 1,
        capturedAt: 't',
        capturedBy: 'ana',
        description: '',
      },
    ],
  });
  const theirs = doc({
    zones: [zone('z1', 'Intake'), zone('z2', 'Control room (SCADA)'), zone('z3', 'Filtration')],
    responses: [
      answer('z1', 'SR 1.1', 'met', 'jonas'),
      answer('z2', 'SR 1.1', 'met', 'jonas'),
      answer('z3', 'SR 1.1', 'partially-met', 'jonas'),
    ],
    evidence: [
      {
        sha256: 'a'.repeat(64),
        fileName: 'a.jpg',
        mediaType: 'image/jpeg',
        size: 1,
        capturedAt: 't',
        capturedBy: 'ana',
        description: '',
      },
      {
        sha256: 'b'.repeat(64),
        fileName: 'b.jpg',
        mediaType: 'image/jpeg',
        size: 1,
        capturedAt: 't',
        capturedBy: 'jonas',
        description: '',
      },
    ],
  });

  it('joins what only they have, skips what both hold alike, and lists what differs side by side', () => {
    const plan = planMerge(mine, theirs);
    expect(plan.add.zones.map((z) => z.id)).toEqual(['z3']);
    expect(plan.add.responses.map((r) => r.scope)).toEqual([{ kind: 'zone', id: 'z3' }]);
    expect(plan.add.evidence.map((e) => e.fileName)).toEqual(['b.jpg']);
    expect(plan.same).toBe(2);
    expect(plan.conflicts.map((c) => [c.key, c.label])).toEqual([
      ['zone:z2', 'Zone Control room (SCADA)'],
      ['response:zone:z2|SR 1.1', 'SR 1.1 for zone Control room'],
    ]);
    const answerConflict = plan.conflicts[1];
    expect(
      answerConflict.kind === 'response' && [answerConflict.mine.result, answerConflict.theirs.result],
    ).toEqual(['not-met', 'met']);
  });

  it('needs a decision for every conflict before anything is written', () => {
    const plan = planMerge(mine, theirs);
    expect(() => resolveMerge(plan, { 'zone:z2': 'mine' })).toThrow(
      '1 conflict has no decision yet: SR 1.1 for zone Control room.',
    );
    const r = resolveMerge(plan, { 'zone:z2': 'mine', 'response:zone:z2|SR 1.1': 'theirs' });
    expect(r.kept).toBe(1);
    expect(r.taken).toBe(1);
    expect(r.replace.zones).toEqual([]);
    expect(r.replace.responses.map((x) => x.result)).toEqual(['met']);
  });

  it('finds nothing to do when merging a document into itself', () => {
    const plan = planMerge(theirs, theirs);
    expect(plan.conflicts).toEqual([]);
    expect(plan.add).toEqual({
      zones: [],
      conduits: [],
      assets: [],
      responses: [],
      findings: [],
      evidence: [],
    });
  });
});
