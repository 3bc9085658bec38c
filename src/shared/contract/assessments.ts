import { z } from 'zod';
import { ASSESSMENT_STATUSES, type AssessmentStatus } from '../../core/domain';
import { channel } from './channel';
import { byId, empty, id, isoDate, longText, requiredName, shortText } from './fields';

export interface AssessmentSummary {
  id: string;
  title: string;
  organisation: string;
  site: string;
  status: AssessmentStatus;
  createdAt: string;
  updatedAt: string;
}

export interface Assessor {
  name: string;
  fingerprint?: string;
}

export interface AssessmentDetails extends AssessmentSummary {
  assessors: Assessor[];
  scopeStatement: string;
  startDate: string | null;
  endDate: string | null;
  catalogs: string[];
  smsTargetMaturity: number;
}

export const assessorSchema = z
  .object({
    name: requiredName,
    fingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/)
      .optional(),
  })
  .strict();

export const assessmentPatchSchema = z
  .object({
    title: requiredName,
    organisation: shortText,
    site: shortText,
    status: z.enum(ASSESSMENT_STATUSES),
    assessors: z.array(assessorSchema).max(50),
    scopeStatement: longText,
    startDate: isoDate.nullable(),
    endDate: isoDate.nullable(),
    smsTargetMaturity: z.number().int().min(1).max(4),
  })
  .partial()
  .strict();
export type AssessmentPatch = z.infer<typeof assessmentPatchSchema>;

export const assessmentChannels = {
  'assessments.list': channel<AssessmentSummary[]>()(empty),
  'assessments.get': channel<AssessmentDetails>()(byId),
  'assessments.create': channel<AssessmentDetails>()(
    z
      .object({ title: requiredName, site: shortText.default(''), organisation: shortText.default('') })
      .strict(),
  ),
  'assessments.rename': channel<AssessmentDetails>()(z.object({ id, title: requiredName }).strict()),
  'assessments.update': channel<AssessmentDetails>()(z.object({ id, patch: assessmentPatchSchema }).strict()),
  'assessments.delete': channel<{ deleted: string }>()(byId),
};
