import path from 'node:path';
import type { Services } from '../services';
import { trustResolver } from '../services/package/trust';
import { verifyPackage } from '../services/package/verify';
import type { HandlerImpls } from './types';

type ExportChannels =
  | 'exports.start'
  | 'exports.status'
  | 'exports.cancel'
  | 'exports.vendors'
  | 'packages.recent'
  | 'packages.verify';

export function exportHandlers({ exports, assessments, signing }: Services): HandlerImpls<ExportChannels> {
  return {
    'exports.start': (req) => {
      assessments.require(req.assessmentId);
      return exports.start(req);
    },
    'exports.status': ({ jobId }) => exports.jobs.status(jobId),
    'exports.cancel': ({ jobId }) => exports.jobs.cancel(jobId),
    'exports.vendors': ({ assessmentId }) => {
      assessments.require(assessmentId);
      return exports.vendors(assessmentId);
    },
    'packages.recent': () => exports.recent(),
    'packages.verify': ({ path: file, trust }) =>
      verifyPackage(path.resolve(file), { trustOf: trustResolver(signing, trust ?? []) }),
  };
}

type ImportChannels =
  | 'packages.review'
  | 'packages.mergePreview'
  | 'packages.mergeApply'
  | 'packages.imports';

export function importHandlers({ imports, assessments }: Services): HandlerImpls<ImportChannels> {
  return {
    'packages.review': ({ path: file }) => imports.review(file),
    'packages.mergePreview': ({ path: file, assessmentId }) => imports.mergePreview(file, assessmentId),
    'packages.mergeApply': ({ path: file, assessmentId, tagManifestSha256, decisions }) =>
      imports.mergeApply(file, assessmentId, tagManifestSha256, decisions),
    'packages.imports': ({ assessmentId }) => {
      assessments.require(assessmentId);
      return imports.info(assessmentId);
    },
  };
}
