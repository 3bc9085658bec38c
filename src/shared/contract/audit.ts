import { z } from 'zod';
import type { AuditEvent, ChainVerdict } from '../../core/audit/auditChain';
import { channel } from './channel';
import { id } from './fields';

export const auditChannels = {
  'audit.list': channel<AuditEvent[]>()(
    z
      .object({
        assessmentId: id,
        entity: z.string().max(64).optional(),
        entityId: z.string().max(256).optional(),
      })
      .strict(),
  ),
  'audit.verify': channel<ChainVerdict>()(z.object({ assessmentId: id }).strict()),
};
