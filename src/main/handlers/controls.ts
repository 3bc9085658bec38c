import type { Services } from '../services';
import type { HandlerImpls } from './types';

type ControlChannels = 'controls.list' | 'controls.create' | 'controls.update' | 'controls.delete';

export function controlHandlers({ controls }: Services): HandlerImpls<ControlChannels> {
  return {
    'controls.list': ({ assessmentId }) => controls.list(assessmentId),
    'controls.create': ({ assessmentId, ...control }) => controls.create(assessmentId, control),
    'controls.update': ({ assessmentId, id, patch }) => controls.update(assessmentId, id, patch),
    'controls.delete': ({ assessmentId, id }) => controls.delete(assessmentId, id),
  };
}
