import type { Services } from '../services';
import type { HandlerImpls } from './types';

type ReportChannels =
  | 'reports.exportGapRegister'
  | 'reports.exportReport'
  | 'reports.importRegisterPreview'
  | 'reports.importRegisterApply'
  | 'reports.gapTracking';

function bytesOf(file: { base64: string }): Buffer {
  return Buffer.from(file.base64, 'base64');
}

export function reportHandlers({ assessments, reports }: Services): HandlerImpls<ReportChannels> {
  return {
    'reports.exportGapRegister': ({ assessmentId, outDir }) =>
      reports.export('gap-register', assessmentId, { outDir }),
    'reports.exportReport': ({ assessmentId, outDir }) =>
      reports.export('findings-report', assessmentId, { outDir }),
    'reports.importRegisterPreview': ({ assessmentId, file }) =>
      reports.importPreview(assessmentId, bytesOf(file), file.fileName),
    'reports.importRegisterApply': ({ assessmentId, file }) =>
      reports.importApply(assessmentId, bytesOf(file), file.fileName),
    'reports.gapTracking': ({ assessmentId }) => {
      assessments.require(assessmentId);
      return Object.fromEntries(
        [...reports.tracking.all(assessmentId)].map(([gapId, t]) => [
          gapId,
          { owner: t.owner, due: t.due, status: t.status },
        ]),
      );
    },
  };
}
