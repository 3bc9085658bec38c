import { MAX_OVERLAY_BYTES } from '../../shared/catalogOverlay';
import type { Services } from '../services';
import { decodeFileBytes } from '../services/fileBytes';
import type { HandlerImpls } from './types';

type CatalogChannels = 'catalogs.list' | 'catalogs.get' | 'catalogs.importOverlay' | 'catalogs.removeOverlay';

export function catalogHandlers({ catalogs }: Services): HandlerImpls<CatalogChannels> {
  return {
    'catalogs.list': () => catalogs.summaries(),
    'catalogs.get': ({ catalogId }) => catalogs.view(catalogId),
    'catalogs.importOverlay': ({ file }) =>
      catalogs.importOverlay(decodeFileBytes(file, MAX_OVERLAY_BYTES, 'a catalog overlay'), file.fileName),
    'catalogs.removeOverlay': ({ catalogId }) => catalogs.removeOverlay(catalogId),
  };
}
