import { z } from 'zod';
import { ASSET_FIELDS, type AssetField } from '../../core/assetImport';
import { ASSET_ROLES } from '../../core/catalog/types';
import { COMPONENT_TYPES } from '../../core/domain';
import { type Asset, CERTIFICATE_SCHEMES, type Conduit, type Zone } from '../../core/model';
import { channel } from './channel';
import { byAssessment, fileBytes, id, isoDate, longText, requiredName, shortText, slVector } from './fields';

const zoneFields = { name: requiredName, description: longText.default(''), slTarget: slVector };
const conduitFields = {
  name: requiredName,
  description: longText.default(''),
  zones: z.tuple([id, id]),
  protocols: z.array(shortText.min(1)).max(50).default([]),
  /** Omitted: the higher of the two zones' SL-T per FR. */
  slTarget: slVector.optional(),
};
const certificates = z
  .array(
    z
      .object({
        scheme: z.enum(CERTIFICATE_SCHEMES),
        number: shortText.min(1),
        issuer: shortText,
        slCapability: slVector,
        firmware: z.array(shortText.min(1)).max(200),
        validFrom: isoDate,
        validTo: isoDate,
      })
      .strict(),
  )
  .max(20);
const assetFields = {
  name: requiredName,
  zone: id,
  componentType: z.enum(COMPONENT_TYPES),
  vendor: shortText.default(''),
  model: shortText.default(''),
  firmware: shortText.default(''),
  legacy: z.boolean().default(false),
  roles: z.array(z.enum(ASSET_ROLES)).max(3).default([]),
  certificates: certificates.default([]),
  endOfLife: isoDate.nullable().default(null),
};

export interface ZoneDeletion {
  deleted: string;
  movedAssets: string[];
  deletedAssets: string[];
  deletedConduits: string[];
  /** Findings that named a deleted zone, conduit or asset; they are kept without a scope. */
  detachedFindings: string[];
}

export interface ScopedDeletion {
  deleted: string;
  /** Findings that named the deleted item; they are kept without a scope. */
  detachedFindings: string[];
}

export interface AssetImportPreview {
  /** Column headers found in the file, in order. */
  columns: string[];
  /** Our field -> the file's column, guessed from the headers. */
  suggestedMapping: Partial<Record<AssetImportField, string>>;
  rowCount: number;
  sample: Record<string, string>[];
}

/** Our fields an import column can map to (core/assetImport.ts). */
export const ASSET_IMPORT_FIELDS = ASSET_FIELDS;
export type AssetImportField = AssetField;

export interface AssetImportResult {
  imported: number;
  /** 1-based data row numbers (header excluded) with what is wrong; non-empty means nothing was imported. */
  errors: { row: number; message: string }[];
}

const mapping = z
  .object(Object.fromEntries(ASSET_IMPORT_FIELDS.map((f) => [f, z.string().max(200).optional()])))
  .strict();

export const modelChannels = {
  'zones.list': channel<Zone[]>()(byAssessment),
  'zones.create': channel<Zone>()(z.object({ assessmentId: id, ...zoneFields }).strict()),
  'zones.update': channel<Zone>()(
    z
      .object({
        assessmentId: id,
        id,
        patch: z.object({ name: requiredName, description: longText, slTarget: slVector }).partial().strict(),
      })
      .strict(),
  ),
  /** A zone with assets needs a decision: move them to another zone, or delete them with it. */
  'zones.delete': channel<ZoneDeletion>()(
    z
      .object({
        assessmentId: id,
        id,
        assets: z.union([z.literal('delete'), z.object({ moveTo: id }).strict()]).optional(),
      })
      .strict(),
  ),

  'conduits.list': channel<Conduit[]>()(byAssessment),
  'conduits.create': channel<Conduit>()(z.object({ assessmentId: id, ...conduitFields }).strict()),
  'conduits.update': channel<Conduit>()(
    z
      .object({
        assessmentId: id,
        id,
        patch: z
          .object({
            name: requiredName,
            description: longText,
            zones: z.tuple([id, id]),
            protocols: z.array(shortText.min(1)).max(50),
            slTarget: slVector,
          })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'conduits.delete': channel<ScopedDeletion>()(z.object({ assessmentId: id, id }).strict()),

  'assets.list': channel<Asset[]>()(byAssessment),
  'assets.create': channel<Asset>()(z.object({ assessmentId: id, ...assetFields }).strict()),
  'assets.update': channel<Asset>()(
    z
      .object({
        assessmentId: id,
        id,
        patch: z
          .object({
            name: requiredName,
            zone: id,
            componentType: z.enum(COMPONENT_TYPES),
            vendor: shortText,
            model: shortText,
            firmware: shortText,
            legacy: z.boolean(),
            roles: z.array(z.enum(ASSET_ROLES)).max(3),
            certificates,
            endOfLife: isoDate.nullable(),
          })
          .partial()
          .strict(),
      })
      .strict(),
  ),
  'assets.delete': channel<ScopedDeletion>()(z.object({ assessmentId: id, id }).strict()),
  /** CSV or XLSX: read the header row and guess the column mapping. */
  'assets.importPreview': channel<AssetImportPreview>()(
    z.object({ assessmentId: id, file: fileBytes }).strict(),
  ),
  /** All rows or none: any row error returns the list and imports nothing. */
  'assets.importApply': channel<AssetImportResult>()(
    z.object({ assessmentId: id, file: fileBytes, mapping, defaultZone: id.optional() }).strict(),
  ),
};
