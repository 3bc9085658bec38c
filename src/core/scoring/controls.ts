import { responseKey } from '../domain';
import type { AssessmentHeader, ChecklistResponse, CompensatingControl, ItemRef } from '../model';
import type { ControlState, ControlStatus, GapControl } from './types';

/** The day controls are judged on: the assessment's end date, or the day it was created. */
export function controlReferenceDate(header: Pick<AssessmentHeader, 'endDate' | 'createdAt'>): string {
  return header.endDate ?? header.createdAt.slice(0, 10);
}

export const refKey = (ref: ItemRef) => responseKey(ref.scope, ref.requirement);

/** A control's state before looking at what it covers: broken, expired, unverified or working. */
function ownState(
  c: CompensatingControl,
  answerOf: (key: string) => ChecklistResponse | undefined,
  referenceDate: string,
): ControlState {
  // only a native `met` implements: N/A implements nothing, and controls never chain
  if (c.implementedBy && answerOf(refKey(c.implementedBy))?.result !== 'met') return 'broken';
  if (c.reviewDue !== null && c.reviewDue < referenceDate) return 'expired';
  if (!c.implementedBy && c.evidence.length === 0) return 'unverified';
  return 'working';
}

export interface ControlIndex {
  /** Controls covering an item (by responseKey), each with its own state. */
  covering(key: string): readonly GapControl[];
  /** Does a control that is neither broken nor expired cover the item? */
  covers(key: string): boolean;
  /** Each control's status once the scopes have said which covered items apply and which it counted for. */
  statuses(applies: (key: string) => boolean, counted: (key: string) => boolean): ControlStatus[];
}

export function indexControls(
  controls: readonly CompensatingControl[],
  answerOf: (key: string) => ChecklistResponse | undefined,
  referenceDate: string,
): ControlIndex {
  const byItem = new Map<string, GapControl[]>();
  const states = controls.map((c) => {
    const state = ownState(c, answerOf, referenceDate);
    for (const ref of c.covers) {
      const key = refKey(ref);
      const list = byItem.get(key) ?? [];
      byItem.set(key, list);
      list.push({ id: c.id, description: c.description, state });
    }
    return { c, state };
  });
  const counts = (g: GapControl) => g.state === 'working' || g.state === 'unverified';
  return {
    covering: (key) => byItem.get(key) ?? [],
    covers: (key) => (byItem.get(key) ?? []).some(counts),
    statuses: (applies, counted) =>
      states.map(({ c, state }) => {
        const inactive = c.covers.filter((ref) => !applies(refKey(ref)));
        const live = state === 'working' || state === 'unverified';
        return {
          id: c.id,
          description: c.description,
          state: live && c.covers.length > 0 && inactive.length === c.covers.length ? 'inactive' : state,
          inactive,
          counted: live ? c.covers.filter((ref) => counted(refKey(ref))) : [],
        };
      }),
  };
}
