import type { Services } from '../services';
import type { HandlerImpls } from './types';

type ChecklistChannels = 'checklists.get' | 'responses.set' | 'responses.clear' | 'score.get';

export function checklistHandlers({
  checklists,
  responses,
  score,
}: Services): HandlerImpls<ChecklistChannels> {
  return {
    'checklists.get': ({ assessmentId, scope, aboveTarget }) =>
      checklists.get(assessmentId, scope, aboveTarget),
    'responses.set': ({ assessmentId, scope, requirement, patch }) =>
      responses.set(assessmentId, scope, requirement, patch),
    'responses.clear': ({ assessmentId, scope, requirement }) =>
      responses.clear(assessmentId, scope, requirement),
    'score.get': ({ assessmentId }) => score.get(assessmentId),
  };
}
