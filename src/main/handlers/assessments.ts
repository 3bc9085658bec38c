import type { Services } from '../services';
import type { HandlerImpls } from './types';

type AssessmentChannels =
  | 'assessments.list'
  | 'assessments.get'
  | 'assessments.create'
  | 'assessments.rename'
  | 'assessments.update'
  | 'assessments.delete';

export function assessmentHandlers({ assessments }: Services): HandlerImpls<AssessmentChannels> {
  return {
    'assessments.list': () => assessments.list(),
    'assessments.get': ({ id }) => assessments.get(id),
    'assessments.create': (input) => assessments.create(input),
    'assessments.rename': ({ id, title }) => assessments.rename(id, title),
    'assessments.update': ({ id, patch }) => assessments.update(id, patch),
    'assessments.delete': ({ id }) => assessments.delete(id),
  };
}
