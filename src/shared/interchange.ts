import { z } from 'zod';
import { ASSET_ROLES } from '../core/catalog/types';
import { ASSESSMENT_STATUSES, COMPONENT_TYPES, FINDING_STATUSES, RESULTS, SEVERITIES } from '../core/domain';
import { INTERCHANGE_FORMAT, type InterchangeDocument } from '../core/interchange/document';
import { CERTIFICATE_SCHEMES, CONTROL_KINDS } from '../core/model';
import { id, isoDate, sha256 } from './contract/fields';
import { name, scope, slVector, text, timestamp } from './interchangeV1';

// The zonewalk.assessment/2 file format (docs/interchange.md), defined once. Every object is strict:
// an unknown field is an error that names its path. A field with a natural empty value (a string,
// a list, a flag, a nullable) may be left out and takes that value.

export { INTERCHANGE_FORMAT };

const str = (max: number) => text(max).default('');
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max).default([]);
const flag = z.boolean().default(false);
const date = isoDate.nullable().default(null);
const itemRef = z.strictObject({ scope, requirement: z.string().min(1).max(40) });

export const interchangeSchema = z.strictObject({
  format: z.literal(INTERCHANGE_FORMAT),
  assessment: z.strictObject({
    id,
    title: name,
    organisation: str(200),
    site: str(200),
    assessors: list(
      z.strictObject({
        name,
        fingerprint: z
          .string()
          .regex(/^sha256:[0-9a-f]{64}$/, 'Use sha256: followed by 64 hex digits')
          .optional(),
      }),
      50,
    ),
    createdAt: timestamp,
    status: z.enum(ASSESSMENT_STATUSES),
    catalogs: list(text(100), 10),
    smsTargetMaturity: z
      .number()
      .int('The target maturity is a whole number from 1 to 4')
      .min(1, 'The target maturity is a whole number from 1 to 4')
      .max(4, 'The target maturity is a whole number from 1 to 4'),
    scopeStatement: str(20_000),
    startDate: date,
    endDate: date,
  }),
  zones: list(z.strictObject({ id, name, description: str(20_000), slTarget: slVector }), 10_000),
  conduits: list(
    z.strictObject({
      id,
      name,
      description: str(20_000),
      zones: z.tuple([id, id]),
      protocols: list(text(200).min(1), 50),
      slTarget: slVector,
    }),
    10_000,
  ),
  assets: list(
    z.strictObject({
      id,
      name,
      zone: id,
      componentType: z.enum(COMPONENT_TYPES),
      vendor: str(200),
      model: str(200),
      firmware: str(200),
      legacy: flag,
      roles: list(z.enum(ASSET_ROLES, { error: `Roles are ${ASSET_ROLES.join(', ')}` }), 3),
      certificates: list(
        z.strictObject({
          scheme: z.enum(CERTIFICATE_SCHEMES, {
            error: `The scheme is one of ${CERTIFICATE_SCHEMES.join(', ')}`,
          }),
          number: text(200).min(1),
          issuer: str(200),
          slCapability: slVector,
          firmware: list(text(200).min(1), 200),
          validFrom: isoDate,
          validTo: isoDate,
        }),
        20,
      ),
      endOfLife: date,
    }),
    200_000,
  ),
  responses: list(
    z.strictObject({
      scope,
      requirement: z.string().min(1).max(40),
      result: z.enum(RESULTS),
      maturity: z
        .union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)], {
          error: 'Maturity is a whole number from 0 to 4, or null',
        })
        .nullable()
        .default(null),
      justification: str(20_000),
      comment: str(20_000),
      evidence: list(sha256, 1000),
      flagged: flag,
      assessedBy: str(200),
      assessedAt: timestamp,
    }),
    2_000_000,
  ),
  compensatingControls: list(
    z.strictObject({
      id,
      description: text(20_000).trim().min(1, 'Must not be empty'),
      kind: z.enum(CONTROL_KINDS, { error: `The kind is one of ${CONTROL_KINDS.join(', ')}` }),
      covers: z.array(itemRef).min(1, 'A control covers at least one item').max(10_000),
      implementedBy: itemRef.nullable().default(null),
      owner: str(200),
      evidence: list(sha256, 1000),
      reviewDue: date,
    }),
    100_000,
  ),
  findings: list(
    z.strictObject({
      id,
      title: name,
      requirement: z.string().min(1).max(40).nullable().default(null),
      scope: scope.nullable().default(null),
      severity: z.enum(SEVERITIES),
      description: str(20_000),
      recommendation: str(20_000),
      owner: str(200),
      due: date,
      status: z.enum(FINDING_STATUSES),
      evidence: list(sha256, 1000),
    }),
    100_000,
  ),
  gapTracking: list(
    z.strictObject({
      gapId: z.string().regex(/^GAP-[0-9A-Z]{8,13}$/, 'A gap id looks like GAP-ABCD1234'),
      owner: str(200),
      due: date,
      status: z.enum(FINDING_STATUSES),
    }),
    2_000_000,
  ),
  evidence: list(
    z.strictObject({
      sha256,
      fileName: z.string().min(1).max(255),
      mediaType: z.string().min(1).max(200),
      size: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
      capturedAt: timestamp,
      capturedBy: str(200),
      description: str(20_000),
    }),
    1_000_000,
  ),
}) satisfies z.ZodType<InterchangeDocument, unknown>;
