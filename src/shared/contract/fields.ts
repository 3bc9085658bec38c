import { z } from 'zod';

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
