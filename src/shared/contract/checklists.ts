import { z } from 'zod';
import type { CatalogRequirement } from '../../core/catalog/types';
import { RESULTS, type Scope, type SlVector } from '../../core/domain';
import type { ChecklistResponse } from '../../core/model';
import type { AssessmentScore, Progress } from '../../core/scoring/types';
import { channel } from './channel';
import { byAssessment, id, longText, requirementId, scope } from './fields';

export interface ChecklistItem {
  requirement: CatalogRequirement;
  /** Required at the scope's target (false only for items shown with "above target"). */
  atTarget: boolean;
  response: ChecklistResponse | null;
  /** Licensed text from an imported overlay, when one is loaded. */
  licensedText?: string;
}

export interface Checklist {
  scope: Scope;
  scopeName: string;
  catalogId: string;
  /** null for the organisation questionnaire (maturity-rated). */
  slTarget: SlVector | null;
  targetMaturity: number | null;
  items: ChecklistItem[];
  progress: Progress;
}

export const responsePatch = z
  .object({
    result: z.enum(RESULTS),
    maturity: z.number().int().min(0).max(4).nullable(),
    justification: longText,
    comment: longText,
    flagged: z.boolean(),
  })
  .partial()
  .strict();

export const checklistChannels = {
  'checklists.get': channel<Checklist>()(
    z.object({ assessmentId: id, scope, aboveTarget: z.boolean().default(false) }).strict(),
  ),
  /** Upserts one answer; fields not given keep their value. */
  'responses.set': channel<ChecklistResponse>()(
    z.object({ assessmentId: id, scope, requirement: requirementId, patch: responsePatch }).strict(),
  ),
  'responses.clear': channel<{ cleared: boolean }>()(
    z.object({ assessmentId: id, scope, requirement: requirementId }).strict(),
  ),
  /** SL-A per zone, conduit and asset, 2-1 maturity, the gap list and progress. */
  'score.get': channel<AssessmentScore>()(byAssessment),
};
