import { z } from 'zod';
import { CONTROL_KINDS, type CompensatingControl } from '../../core/model';
import { channel } from './channel';
import { byAssessment, id, isoDate, longText, requirementId, scope, sha256, shortText } from './fields';

const itemRef = z.object({ scope, requirement: requirementId }).strict();
const controlFields = {
  description: longText.trim().min(1, 'Must not be empty'),
  kind: z.enum(CONTROL_KINDS),
  covers: z.array(itemRef).min(1).max(1000),
  implementedBy: itemRef.nullable().default(null),
  owner: shortText.default(''),
  evidence: z.array(sha256).max(1000).default([]),
  reviewDue: isoDate.nullable().default(null),
};

export const controlChannels = {
  'controls.list': channel<CompensatingControl[]>()(byAssessment),
  'controls.create': channel<CompensatingControl>()(
    z.object({ assessmentId: id, ...controlFields }).strict(),
  ),
  'controls.update': channel<CompensatingControl>()(
    z
      .object({
        assessmentId: id,
        id,
        patch: z
          .object({
            description: longText.trim().min(1, 'Must not be empty'),
            kind: z.enum(CONTROL_KINDS),
            covers: z.array(itemRef).min(1).max(1000),
            implementedBy: itemRef.nullable(),
            owner: shortText,
            evidence: z.array(sha256).max(1000),
            reviewDue: isoDate.nullable(),
          })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'controls.delete': channel<{ deleted: string }>()(z.object({ assessmentId: id, id }).strict()),
};
