import { z } from 'zod';
import type { SecurityLevel } from '../../core/domain';

// Field schemas reused across channels; limits keep a hostile renderer from sending megabytes.

export const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, 'Use letters, digits, dot, dash or underscore');
export const shortText = z.string().max(200);
export const requiredName = z.string().trim().min(1, 'Must not be empty').max(200);
export const longText = z.string().max(20_000);
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Use a date like 2027-03-31');
export const empty = z.object({}).strict();
export const byId = z.object({ id }).strict();

export const level = z
  .number()
  .int()
  .min(0)
  .max(4)
  .transform((n) => n as SecurityLevel);
export const slVector = z
  .object({ FR1: level, FR2: level, FR3: level, FR4: level, FR5: level, FR6: level, FR7: level })
  .strict();
export const requirementId = z.string().min(1).max(40);
export const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('organisation') }).strict(),
  z.object({ kind: z.literal('zone'), id }).strict(),
  z.object({ kind: z.literal('conduit'), id }).strict(),
  z.object({ kind: z.literal('asset'), id }).strict(),
]);
export const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'not a SHA-256 hex digest');
/** File contents sent from the window (a picked or dropped file), base64; 64 MiB at most. */
export const fileBytes = z
  .object({ fileName: z.string().min(1).max(255), base64: z.string().max(90_000_000) })
  .strict();
export const byAssessment = z.object({ assessmentId: id }).strict();
/** A file or folder on this computer, typed or from a native dialog; services check it is absolute. */
export const filePath = z.string().min(1).max(4096);
