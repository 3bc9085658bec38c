import { describe, expect, it } from 'vitest';
import type { CatalogRequirement } from '../../../src/core/catalog/types';
import type { ResponseResult } from '../../../src/core/domain';
import type { ChecklistResponse } from '../../../src/core/model';
import {
  buildRows,
  checklistProgress,
  isAnswered,
  isGap,
  NO_FILTERS,
  type Rating,
  step,
} from '../../../src/renderer/screens/assessment/checklist/checklistRows';
import type { ChecklistItem } from '../../../src/shared/contract/checklists';

const RESULT: Rating = { kind: 'result' };
const ML3: Rating = { kind: 'maturity', target: 3 };

function item(id: string, fr: string, atTarget = true): ChecklistItem {
  const requirement: CatalogRequirement = {
    id,
    kind: 'SR',
    parent: null,
    fr,
    title: `Title of ${id}`,
    sl: [1, 2, 3, 4],
    componentTypes: [],
    guidance: 'g',
    questions: ['q'],
    evidence: ['e'],
  };
  return { requirement, atTarget, response: null };
}

function answer(requirement: string, result: ResponseResult, extra: Partial<ChecklistResponse> = {}) {
  const r: ChecklistResponse = {
    scope: { kind: 'zone', id: 'z1' },
    requirement,
    result,
    maturity: null,
    justification: '',
    comment: '',
    evidence: [],
    flagged: false,
    assessedBy: 'Ana',
    assessedAt: '2026-11-23T08:00:00Z',
    ...extra,
  };
  return [requirement, r] as const;
}

const items = [
  item('SR 1.1', 'FR1'),
  item('SR 1.2', 'FR1'),
  item('SR 2.1', 'FR2'),
  item('SR 2.2', 'FR2', false),
];

describe('checklist rows', () => {
  it('groups by FR in catalog order, a header before each group', () => {
    const { rows, visible } = buildRows(items, new Map(), NO_FILTERS, RESULT);
    expect(rows.map((r) => (r.type === 'group' ? r.group : r.index))).toEqual(['FR1', 0, 1, 'FR2', 2, 3]);
    expect(visible).toEqual([0, 1, 2, 3]);
  });

  it('filters widen each other: unanswered OR gaps OR flagged; search narrows', () => {
    const responses = new Map([
      answer('SR 1.1', 'met'),
      answer('SR 1.2', 'not-met'),
      answer('SR 2.1', 'met', { flagged: true }),
    ]);
    const v = (f: Partial<typeof NO_FILTERS>) =>
      buildRows(items, responses, { ...NO_FILTERS, ...f }, RESULT).visible;
    expect(v({ unanswered: true })).toEqual([3]);
    expect(v({ gaps: true })).toEqual([1]);
    expect(v({ flagged: true })).toEqual([2]);
    expect(v({ gaps: true, unanswered: true })).toEqual([1, 3]);
    expect(v({ search: 'sr 2' })).toEqual([2, 3]);
    expect(v({ search: 'sr 2', flagged: true })).toEqual([2]);
    // A group with nothing left is not shown at all.
    expect(buildRows(items, responses, { ...NO_FILTERS, gaps: true }, RESULT).rows).toHaveLength(2);
  });

  it('group headers count answered of all items of the group, whatever the filter', () => {
    const responses = new Map([answer('SR 1.1', 'met')]);
    const { rows } = buildRows(items, responses, { ...NO_FILTERS, unanswered: true }, RESULT);
    expect(rows[0]).toEqual({ type: 'group', group: 'FR1', total: 2, answered: 1 });
  });

  it('not assessed is not an answer; progress counts only items at target', () => {
    const responses = new Map([
      answer('SR 1.1', 'not-assessed'),
      answer('SR 1.2', 'met'),
      answer('SR 2.2', 'met'),
    ]);
    expect(isAnswered(responses.get('SR 1.1'), RESULT)).toBe(false);
    expect(checklistProgress(items, responses, RESULT)).toEqual({ answered: 1, total: 3 });
  });

  it('maturity answers: gap below the target, N/A is answered and never a gap', () => {
    const [, ml2] = answer('ORG 1.1', 'partially-met', { maturity: 2 });
    const [, ml3] = answer('ORG 1.1', 'met', { maturity: 3 });
    const [, na] = answer('ORG 1.1', 'not-applicable');
    const [, unrated] = answer('ORG 1.1', 'not-assessed', { flagged: true });
    expect([isGap(ml2, ML3), isGap(ml3, ML3), isGap(na, ML3)]).toEqual([true, false, false]);
    expect([isAnswered(na, ML3), isAnswered(unrated, ML3)]).toEqual([true, false]);
  });

  it('steps through visible items, stays at either end, and recovers when the current one was filtered away', () => {
    expect(step([0, 2, 5], 2, 1)).toBe(5);
    expect(step([0, 2, 5], 5, 1)).toBe(5);
    expect(step([0, 2, 5], 0, -1)).toBe(0);
    expect(step([0, 2, 5], 3, 1)).toBe(5);
    expect(step([0, 2, 5], 3, -1)).toBe(2);
    expect(step([0, 2, 5], 9, 1)).toBe(5);
    expect(step([], 3, 1)).toBe(3);
    expect(step([0, 2, 5], -1, 1)).toBe(0);
  });
});
