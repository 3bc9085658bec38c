import type { AssetRole } from '../../core/catalog/types';
import {
  type ComponentType,
  type FindingStatus,
  type MaturityLevel,
  orderedSl,
  type ResponseResult,
  type Scope,
  type Severity,
  type SlVector,
} from '../../core/domain';
import type {
  Asset,
  Certificate,
  ChecklistResponse,
  CompensatingControl,
  Conduit,
  ControlKind,
  Finding,
  Zone,
} from '../../core/model';

// Database rows of the 0002 tables and their mapping to the model shapes, in one place.

export interface ZoneRow {
  id: string;
  name: string;
  description: string;
  sl_target: string;
}

export interface ConduitRow {
  id: string;
  name: string;
  description: string;
  zone_a: string;
  zone_b: string;
  protocols: string;
  sl_target: string;
}

export interface AssetRow {
  id: string;
  name: string;
  zone_id: string;
  component_type: ComponentType;
  vendor: string;
  model: string;
  firmware: string;
  legacy: number;
  roles: string;
  certificates: string;
  end_of_life: string | null;
}

export interface ResponseRow {
  scope_kind: Scope['kind'];
  scope_id: string;
  requirement: string;
  result: ResponseResult;
  maturity: MaturityLevel | null;
  justification: string;
  comment: string;
  flagged: number;
  assessed_by: string;
  assessed_at: string;
}

export interface FindingRow {
  id: string;
  title: string;
  requirement: string | null;
  scope_kind: Scope['kind'] | null;
  scope_id: string | null;
  severity: Severity;
  description: string;
  recommendation: string;
  owner: string;
  due: string | null;
  status: FindingStatus;
}

export const toZone = (r: ZoneRow): Zone => ({
  id: r.id,
  name: r.name,
  description: r.description,
  slTarget: JSON.parse(r.sl_target) as SlVector,
});

export const toConduit = (r: ConduitRow): Conduit => ({
  id: r.id,
  name: r.name,
  description: r.description,
  zones: [r.zone_a, r.zone_b],
  protocols: JSON.parse(r.protocols) as string[],
  slTarget: JSON.parse(r.sl_target) as SlVector,
});

export const toAsset = (r: AssetRow): Asset => ({
  id: r.id,
  name: r.name,
  zone: r.zone_id,
  componentType: r.component_type,
  vendor: r.vendor,
  model: r.model,
  firmware: r.firmware,
  legacy: r.legacy === 1,
  roles: JSON.parse(r.roles) as AssetRole[],
  certificates: JSON.parse(r.certificates) as Certificate[],
  endOfLife: r.end_of_life,
});

/** The organisation scope is stored with scope_id ''. */
export function scopeColumns(scope: Scope): [Scope['kind'], string] {
  return [scope.kind, scope.kind === 'organisation' ? '' : scope.id];
}

export function scopeFromColumns(kind: Scope['kind'], id: string): Scope {
  return kind === 'organisation' ? { kind } : { kind, id };
}

export const toResponse = (r: ResponseRow, evidence: string[]): ChecklistResponse => ({
  scope: scopeFromColumns(r.scope_kind, r.scope_id),
  requirement: r.requirement,
  result: r.result,
  maturity: r.maturity,
  justification: r.justification,
  comment: r.comment,
  evidence,
  flagged: r.flagged === 1,
  assessedBy: r.assessed_by,
  assessedAt: r.assessed_at,
});

export const toFinding = (r: FindingRow, evidence: string[]): Finding => ({
  id: r.id,
  title: r.title,
  requirement: r.requirement,
  scope: r.scope_kind ? scopeFromColumns(r.scope_kind, r.scope_id ?? '') : null,
  severity: r.severity,
  description: r.description,
  recommendation: r.recommendation,
  owner: r.owner,
  due: r.due,
  status: r.status,
  evidence,
});

/** SL vectors are stored as JSON with the FRs in order, so equal vectors are equal text. */
export function slJson(v: SlVector): string {
  return JSON.stringify(orderedSl(v));
}

export interface ControlRow {
  id: string;
  description: string;
  kind: ControlKind;
  implemented_scope_kind: Scope['kind'] | null;
  implemented_scope_id: string | null;
  implemented_requirement: string | null;
  owner: string;
  review_due: string | null;
}

export interface ControlCoverRow {
  control_id: string;
  scope_kind: Scope['kind'];
  scope_id: string;
  requirement: string;
}

export const toControl = (
  r: ControlRow,
  covers: CompensatingControl['covers'],
  evidence: string[],
): CompensatingControl => ({
  id: r.id,
  description: r.description,
  kind: r.kind,
  covers,
  implementedBy:
    r.implemented_scope_kind && r.implemented_requirement !== null
      ? {
          scope: scopeFromColumns(r.implemented_scope_kind, r.implemented_scope_id ?? ''),
          requirement: r.implemented_requirement,
        }
      : null,
  owner: r.owner,
  evidence,
  reviewDue: r.review_due,
});
