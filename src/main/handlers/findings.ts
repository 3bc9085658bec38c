import type { Services } from '../services';
import type { HandlerImpls } from './types';

type FindingChannels = 'findings.list' | 'findings.create' | 'findings.update' | 'findings.delete';

export function findingHandlers({ findings }: Services): HandlerImpls<FindingChannels> {
  return {
    'findings.list': ({ assessmentId }) => findings.list(assessmentId),
    'findings.create': ({ assessmentId, ...finding }) => findings.create(assessmentId, finding),
    'findings.update': ({ assessmentId, id, patch }) => findings.update(assessmentId, id, patch),
    'findings.delete': ({ assessmentId, id }) => findings.delete(assessmentId, id),
  };
}
