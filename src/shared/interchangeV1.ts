import { z } from 'zod';
import {
  ASSESSMENT_STATUSES,
  COMPONENT_TYPES,
  FINDING_STATUSES,
  RESULTS,
  SEVERITIES,
  type SecurityLevel,
} from '../core/domain';
import { id, isoDate, sha256 } from './contract/fields';

// The zonewalk.assessment/1 file format, still read and migrated to /2 (docs/interchange.md,
// "Format /1 documents"). Every object is strict: an unknown field is an error that names its path.

export const INTERCHANGE_FORMAT_V1 = 'zonewalk.assessment/1';

export const text = (max: number) => z.string().max(max, `At most ${max} characters`);
export const name = z.string().trim().min(1, 'Must not be empty').max(200, 'At most 200 characters');
export const timestamp = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/, 'Use an ISO 8601 time');
const level = z
  .number({ error: 'SL values are whole numbers from 0 to 4' })
  .int('SL values are whole numbers from 0 to 4')
  .min(0, 'SL values are whole numbers from 0 to 4')
  .max(4, 'SL values are whole numbers from 0 to 4')
  .transform((n) => n as SecurityLevel);
export const slVector = z.strictObject({
  FR1: level,
  FR2: level,
  FR3: level,
  FR4: level,
  FR5: level,
  FR6: level,
  FR7: level,
});
export const scope = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('organisation') }),
    z.strictObject({ kind: z.literal('zone'), id }),
    z.strictObject({ kind: z.literal('conduit'), id }),
    z.strictObject({ kind: z.literal('asset'), id }),
  ],
  { error: 'scope.kind must be organisation, zone, conduit or asset' },
);

export const interchangeSchemaV1 = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT_V1),
  assessment: z.strictObject({
    id,
    title: name,
    organisation: text(200),
    site: text(200),
    assessors: z
      .array(
        z.strictObject({
          name,
          fingerprint: z
            .string()
            .regex(/^sha256:[0-9a-f]{64}$/, 'Use sha256: followed by 64 hex digits')
            .optional(),
        }),
      )
      .max(50),
    createdAt: timestamp,
    status: z.enum(ASSESSMENT_STATUSES),
    catalogs: z.array(text(100)).max(10),
    smsTargetMaturity: z
      .number()
      .int('The target maturity is a whole number from 1 to 4')
      .min(1, 'The target maturity is a whole number from 1 to 4')
      .max(4, 'The target maturity is a whole number from 1 to 4'),
  }),
  zones: z.array(z.strictObject({ id, name, description: text(20_000), slTarget: slVector })).max(10_000),
  conduits: z
    .array(
      z.strictObject({
        id,
        name,
        description: text(20_000),
        zones: z.tuple([id, id]),
        protocols: z.array(text(200).min(1)).max(50),
        slTarget: slVector,
      }),
    )
    .max(10_000),
  assets: z
    .array(
      z.strictObject({
        id,
        name,
        zone: id,
        componentType: z.enum(COMPONENT_TYPES),
        vendor: text(200),
        model: text(200),
        firmware: text(200),
        legacy: z.boolean(),
      }),
    )
    .max(200_000),
  responses: z
    .array(
      z.strictObject({
        scope,
        requirement: z.string().min(1).max(40),
        result: z.enum(RESULTS),
        maturity: z
          .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
            error: 'Maturity is a whole number from 0 to 4, or null',
          })
          .nullable(),
        compensatingControl: text(20_000),
        comment: text(20_000),
        evidence: z.array(sha256).max(1000),
        flagged: z.boolean(),
        assessedBy: text(200),
        assessedAt: timestamp,
      }),
    )
    .max(2_000_000),
  findings: z
    .array(
      z.strictObject({
        id,
        title: name,
        requirement: z.string().min(1).max(40).nullable(),
        scope: scope.nullable(),
        severity: z.enum(SEVERITIES),
        description: text(20_000),
        recommendation: text(20_000),
        owner: text(200),
        due: isoDate.nullable(),
        status: z.enum(FINDING_STATUSES),
        evidence: z.array(sha256).max(1000),
      }),
    )
    .max(100_000),
  evidence: z
    .array(
      z.strictObject({
        sha256,
        fileName: z.string().min(1).max(255),
        mediaType: z.string().min(1).max(200),
        size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
        capturedAt: timestamp,
        capturedBy: text(200),
        description: text(20_000),
      }),
    )
    .max(1_000_000),
});

export type InterchangeDocumentV1 = z.output<typeof interchangeSchemaV1>;
