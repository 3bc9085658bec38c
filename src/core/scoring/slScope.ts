import { type CatalogRequirement, requiredFrom } from '../catalog/types';
import { FRS, type Fr, responseKey, type Scope, type SlVector } from '../domain';
import type { ChecklistResponse } from '../model';
import type { ControlIndex } from './controls';
import { gapId } from './gapId';
import { type LevelItem, levelWhere } from './level';
import { severityOfPoints, slGapPoints } from './severity';
import type { GapItem, OpenQuestion, Progress } from './types';

/** One item of a scope, judged (domain.md "Satisfied"). */
export interface JudgedItem extends LevelItem {
  r: CatalogRequirement;
  key: string;
  /** 4-2 items: the higher of their 4-2 level and their 3-3 counterpart's; others: `level`. */
  zoneLevel: number;
  applicable: boolean;
  response: ChecklistResponse | undefined;
  native: boolean;
  /** Satisfied for SL-A: natively, or by a control that is neither broken nor expired. */
  satisfied: boolean;
  byControl: boolean;
  open: boolean;
}

export interface SlScopeInput {
  scope: Scope;
  scopeName: string;
  zoneId: string | null;
  catalogId: string;
  slTarget: SlVector;
  /** Every item the scope can be asked at any level (its kind, component type and roles). */
  requirements: readonly CatalogRequirement[];
  responses: ReadonlyMap<string, ChecklistResponse>;
  controls: ControlIndex;
  /** 4-2 items: the level of their 3-3 counterpart, undefined where there is none. */
  counterpartLevel?: (r: CatalogRequirement) => number | undefined;
}

export interface SlScopeResult {
  items: JudgedItem[];
  slAchieved: SlVector;
  slAchievedUpper: SlVector;
  gaps: GapItem[];
  open: OpenQuestion[];
  progress: Progress;
}

const FR_SET: ReadonlySet<string> = new Set(FRS);

/** An answer that says something: not parked, and an N/A only with its reason. */
export function hasAnswer(response: ChecklistResponse | undefined): response is ChecklistResponse {
  if (!response || response.result === 'not-assessed') return false;
  return response.result !== 'not-applicable' || response.justification.trim() !== '';
}

export function isNativelySatisfied(response: ChecklistResponse | undefined): boolean {
  return hasAnswer(response) && (response.result === 'met' || response.result === 'not-applicable');
}

function judge(input: SlScopeInput, r: CatalogRequirement): JudgedItem {
  const fr = r.fr as Fr;
  const level = requiredFrom(r);
  const counterpart = input.counterpartLevel?.(r);
  const key = responseKey(input.scope, r.id);
  const response = input.responses.get(r.id);
  const applicable = level <= input.slTarget[fr];
  const native = isNativelySatisfied(response);
  const answered = hasAnswer(response);
  const failed = response?.result === 'partially-met' || response?.result === 'not-met';
  const byControl = !native && applicable && failed && input.controls.covers(key);
  return {
    r,
    fr,
    key,
    level,
    zoneLevel: counterpart === undefined ? level : Math.max(level, counterpart),
    applicable,
    response,
    native,
    satisfied: native || byControl,
    byControl,
    open: applicable && !answered,
  };
}

/** One zone, conduit or asset against its 3-3 or 4-2 items: levels, gap rows, open questions. */
export function scoreSlScope(input: SlScopeInput): SlScopeResult {
  const items = input.requirements
    .filter((r) => FR_SET.has(r.fr) && requiredFrom(r) <= 4)
    .map((r) => judge(input, r));
  const gaps: GapItem[] = [];
  const open: OpenQuestion[] = [];
  let total = 0;
  for (const i of items) {
    if (!i.applicable) continue;
    total++;
    const where = {
      scope: input.scope,
      scopeName: input.scopeName,
      zoneId: input.zoneId,
      catalogId: input.catalogId,
      requirement: i.r.id,
      title: i.r.title,
      fr: i.r.fr,
    };
    if (i.open) {
      const reason = !i.response
        ? 'unanswered'
        : i.response.result === 'not-assessed'
          ? 'not-assessed'
          : 'justification-missing';
      open.push({ ...where, reason });
      continue;
    }
    if (i.satisfied || !i.response) continue;
    const result = i.response.result === 'partially-met' ? 'partially-met' : 'not-met';
    const points = slGapPoints(i.r.impact, i.zoneLevel, result);
    gaps.push({
      ...where,
      gapId: gapId(input.scope, i.r.id),
      scale: 'SL',
      requiredFrom: i.level,
      target: input.slTarget[i.fr],
      result: i.response.result,
      maturity: null,
      controls: [...input.controls.covering(i.key)],
      comment: i.response.comment,
      evidence: i.response.evidence,
      points,
      severity: severityOfPoints(points),
    });
  }
  return {
    items,
    slAchieved: levelWhere(
      items,
      (i) => i.level,
      (i) => i.satisfied,
    ),
    slAchievedUpper: levelWhere(
      items,
      (i) => i.level,
      (i) => i.satisfied || i.open,
    ),
    gaps,
    open,
    progress: { answered: total - open.length, total },
  };
}
