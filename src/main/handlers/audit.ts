import type { Services } from '../services';
import type { HandlerImpls } from './types';

export function auditHandlers({ ws, assessments }: Services): HandlerImpls<'audit.list' | 'audit.verify'> {
  return {
    'audit.list': ({ assessmentId, entity, entityId }) => {
      assessments.require(assessmentId);
      return ws.trail
        .list(assessmentId)
        .filter((e) => (!entity || e.entity === entity) && (!entityId || e.entityId === entityId));
    },
    'audit.verify': ({ assessmentId }) => ws.trail.verify(assessmentId),
  };
}
