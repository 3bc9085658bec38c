import { z } from 'zod';
import { FINDING_STATUSES, SEVERITIES } from '../../core/domain';
import type { Finding } from '../../core/model';
import { channel } from './channel';
import { byAssessment, id, isoDate, longText, requiredName, requirementId, scope, shortText } from './fields';

const findingFields = {
  title: requiredName,
  requirement: requirementId.nullable().default(null),
  scope: scope.nullable().default(null),
  severity: z.enum(SEVERITIES),
  description: longText.default(''),
  recommendation: longText.default(''),
  owner: shortText.default(''),
  due: isoDate.nullable().default(null),
  status: z.enum(FINDING_STATUSES).default('open'),
};

export const findingChannels = {
  'findings.list': channel<Finding[]>()(byAssessment),
  'findings.create': channel<Finding>()(z.object({ assessmentId: id, ...findingFields }).strict()),
  'findings.update': channel<Finding>()(
    z
      .object({
        assessmentId: id,
        id,
        patch: z
          .object({
            title: requiredName,
            requirement: requirementId.nullable(),
            scope: scope.nullable(),
            severity: z.enum(SEVERITIES),
            description: longText,
            recommendation: longText,
            owner: shortText,
            due: isoDate.nullable(),
            status: z.enum(FINDING_STATUSES),
          })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'findings.delete': channel<{ deleted: string }>()(z.object({ assessmentId: id, id }).strict()),
};
