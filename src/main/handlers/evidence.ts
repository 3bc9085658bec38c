import { type DesktopPlatform, desktopOnly } from '../platform';
import type { Services } from '../services';
import type { HandlerImpls } from './types';

type EvidenceChannels =
  | 'evidence.list'
  | 'evidence.get'
  | 'evidence.addBytes'
  | 'evidence.addPaths'
  | 'evidence.addFolder'
  | 'evidence.addNote'
  | 'evidence.link'
  | 'evidence.unlink'
  | 'evidence.remove'
  | 'evidence.thumbnail'
  | 'evidence.exif'
  | 'evidence.openOriginal'
  | 'evidence.history'
  | 'evidence.targets';

export function evidenceHandlers(
  { evidence, assessments }: Services,
  platform: DesktopPlatform,
): HandlerImpls<EvidenceChannels> {
  return {
    'evidence.list': ({ assessmentId, filter }) => evidence.list(assessmentId, filter),
    'evidence.get': ({ assessmentId, sha256 }) => evidence.get(assessmentId, sha256),
    'evidence.addBytes': ({ assessmentId, fileName, base64, kind, description, target, lastModified }) =>
      evidence.addBytes(assessmentId, {
        fileName,
        bytes: Buffer.from(base64, 'base64'),
        kind,
        description,
        target,
        lastModified,
      }),
    'evidence.addPaths': async ({ assessmentId, description, target }) => {
      assessments.require(assessmentId);
      if (!platform.pickFiles) throw desktopOnly('Adding files from disk');
      const files = await platform.pickFiles();
      if (!files) return { cancelled: true, lines: [] };
      return {
        cancelled: false,
        lines: await evidence.addPaths(assessmentId, files, { description, target }),
      };
    },
    'evidence.addFolder': async ({ assessmentId, description, target }) => {
      assessments.require(assessmentId);
      if (!platform.pickFolder) throw desktopOnly('Adding a folder from disk');
      const dir = await platform.pickFolder({ title: 'Add every file in a folder' });
      if (!dir) return { cancelled: true, lines: [] };
      return {
        cancelled: false,
        lines: await evidence.addFolder(assessmentId, dir, { description, target }),
      };
    },
    'evidence.addNote': ({ assessmentId, text, title, target }) =>
      evidence.addNote(assessmentId, { text, title, target }),
    'evidence.link': ({ assessmentId, sha256, target }) => evidence.link(assessmentId, sha256, target),
    'evidence.unlink': ({ assessmentId, sha256, target }) => evidence.unlink(assessmentId, sha256, target),
    'evidence.remove': ({ assessmentId, sha256, reason }) => evidence.remove(assessmentId, sha256, reason),
    'evidence.thumbnail': async ({ sha256 }) => {
      const png = await evidence.thumbnail(sha256);
      return { dataUrl: png ? `data:image/png;base64,${png.toString('base64')}` : null };
    },
    'evidence.exif': ({ assessmentId, sha256 }) => evidence.exif(assessmentId, sha256),
    'evidence.openOriginal': async ({ assessmentId, sha256 }) => {
      if (!platform.openPath) throw desktopOnly('Opening the original with the system viewer');
      const copy = await evidence.prepareOpenCopy(assessmentId, sha256);
      await platform.openPath(copy);
      return { opened: copy };
    },
    'evidence.history': ({ assessmentId, sha256 }) => evidence.history(assessmentId, sha256),
    'evidence.targets': ({ assessmentId }) => evidence.targets(assessmentId),
  };
}
