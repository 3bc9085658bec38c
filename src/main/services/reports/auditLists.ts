import { RESULT_LABELS, responseKey, type ScopeKind } from '../../../core/domain';
import type { ChecklistResponse, CompensatingControl, ItemRef } from '../../../core/model';
import { compareText } from '../../../core/scoring/order';
import type { ControlState } from '../../../core/scoring/types';
import type { ReportInput } from './reportInput';
import { scopeName } from './reportText';

// The lists both outputs show beside the gaps (controls with their state, N/A answers), built once
// here so the register and the PDF never disagree.

export interface ControlRow {
  control: CompensatingControl;
  state: ControlState;
}

const KIND_ORDER: Record<ScopeKind, number> = { organisation: 0, zone: 1, conduit: 2, asset: 3 };

/** Every recorded control with the state the scoring gave it, worst first, then by id. */
export function controlRows(input: ReportInput): ControlRow[] {
  const states = new Map(input.score.controls.map((s) => [s.id, s.state]));
  const rank: Record<ControlState, number> = {
    broken: 0,
    expired: 1,
    unverified: 2,
    inactive: 3,
    working: 4,
  };
  return input.model.compensatingControls
    .map((control) => ({ control, state: states.get(control.id) ?? 'working' }))
    .sort((a, b) => rank[a.state] - rank[b.state] || compareText(a.control.id, b.control.id));
}

/** Why a control stands as it does, in one sentence; empty for a working control. */
export function controlStateDetail(input: ReportInput, row: ControlRow): string {
  const item = (ref: ItemRef) => `${scopeName(input.model, ref.scope)} ${ref.requirement}`;
  switch (row.state) {
    case 'broken': {
      const ref = row.control.implementedBy!;
      const key = responseKey(ref.scope, ref.requirement);
      const answer = input.model.responses.find((r) => responseKey(r.scope, r.requirement) === key);
      const said = answer ? RESULT_LABELS[answer.result].toLowerCase() : 'not answered';
      return `Relies on ${item(ref)}, which is ${said}: it covers nothing until that item is met.`;
    }
    case 'expired':
      return `Its review was due ${row.control.reviewDue}, before the end of the assessment: it covers nothing until reviewed.`;
    case 'unverified':
      return 'Nothing implements it and no evidence is linked: it counts, but has not been verified.';
    case 'inactive':
      return 'Every item it covers no longer applies (target level or asset roles changed).';
    case 'working':
      return '';
  }
}

/** Every N/A answer, in sidebar order (organisation, zones, conduits, assets), then by requirement. */
export function notApplicableAnswers(input: ReportInput): ChecklistResponse[] {
  const name = (r: ChecklistResponse) =>
    r.scope.kind === 'organisation' ? '' : scopeName(input.model, r.scope);
  return input.model.responses
    .filter((r) => r.result === 'not-applicable')
    .sort(
      (a, b) =>
        KIND_ORDER[a.scope.kind] - KIND_ORDER[b.scope.kind] ||
        compareText(name(a), name(b)) ||
        compareText(a.requirement, b.requirement),
    );
}

/** The catalog title of an answered requirement. */
export function titleOf(input: ReportInput, r: Pick<ChecklistResponse, 'scope' | 'requirement'>): string {
  const part = r.scope.kind === 'organisation' ? '2-1' : r.scope.kind === 'asset' ? '4-2' : '3-3';
  return input.catalogs[part].requirements.find((q) => q.id === r.requirement)?.title ?? '';
}
