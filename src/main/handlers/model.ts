import type { Services } from '../services';
import type { HandlerImpls } from './types';

type ModelChannels =
  | 'zones.list'
  | 'zones.create'
  | 'zones.update'
  | 'zones.delete'
  | 'conduits.list'
  | 'conduits.create'
  | 'conduits.update'
  | 'conduits.delete'
  | 'assets.list'
  | 'assets.create'
  | 'assets.update'
  | 'assets.delete'
  | 'assets.importPreview'
  | 'assets.importApply';

export function modelHandlers({
  zones,
  conduits,
  assets,
  assetImport,
}: Services): HandlerImpls<ModelChannels> {
  return {
    'zones.list': ({ assessmentId }) => zones.list(assessmentId),
    'zones.create': ({ assessmentId, ...zone }) => zones.create(assessmentId, zone),
    'zones.update': ({ assessmentId, id, patch }) => zones.update(assessmentId, id, patch),
    'zones.delete': ({ assessmentId, id, assets: choice }) => zones.delete(assessmentId, id, choice),
    'conduits.list': ({ assessmentId }) => conduits.list(assessmentId),
    'conduits.create': ({ assessmentId, ...conduit }) => conduits.create(assessmentId, conduit),
    'conduits.update': ({ assessmentId, id, patch }) => conduits.update(assessmentId, id, patch),
    'conduits.delete': ({ assessmentId, id }) => conduits.delete(assessmentId, id),
    'assets.list': ({ assessmentId }) => assets.list(assessmentId),
    'assets.create': ({ assessmentId, ...asset }) => assets.create(assessmentId, asset),
    'assets.update': ({ assessmentId, id, patch }) => assets.update(assessmentId, id, patch),
    'assets.delete': ({ assessmentId, id }) => assets.delete(assessmentId, id),
    'assets.importPreview': ({ assessmentId, file }) => assetImport.preview(assessmentId, file),
    'assets.importApply': ({ assessmentId, file, mapping, defaultZone }) =>
      assetImport.apply(assessmentId, file, mapping, defaultZone),
  };
}
