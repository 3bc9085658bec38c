import path from 'node:path';
import type {
  Catalog,
  CatalogPart,
  CatalogRequirement,
  RequirementKind,
} from '../../../src/core/catalog/types';
import type { ComponentType, ResponseResult, Scope, SlVector } from '../../../src/core/domain';
import type { AssessmentModel, Asset, ChecklistResponse } from '../../../src/core/model';
import type { ScoringCatalogs } from '../../../src/core/scoring/scoreAssessment';
import { loadCatalogs } from '../../../src/main/services/catalogLoader';

/** The shipped catalogs, read and validated (catalogSchema + structure rules) as the app does. */
export function realCatalogs(): ScoringCatalogs {
  const [c21, c33, c42] = loadCatalogs(path.resolve('resources/catalogs'));
  return { '2-1': c21, '3-3': c33, '4-2': c42 };
}

/** A synthetic requirement entering at `from` (0 = never required). */
export function req(
  id: string,
  fr: string,
  from: number,
  extra: { kind?: RequirementKind; componentTypes?: ComponentType[]; parent?: string } = {},
): CatalogRequirement {
  return {
    id,
    kind: extra.kind ?? 'SR',
    parent: extra.parent ?? null,
    fr,
    title: `Title of ${id}`,
    sl: from ? [1, 2, 3, 4].filter((l) => l >= from) : [],
    componentTypes: extra.componentTypes ?? [],
    guidance: 'g',
    questions: ['q'],
    evidence: ['e'],
  };
}

export function catalog(part: CatalogPart, requirements: CatalogRequirement[]): Catalog {
  return {
    format: 'zonewalk.catalog/1',
    id: `iec-62443-${part}:test`,
    part,
    title: `Synthetic ${part}`,
    edition: 'test',
    scale: part === '2-1' ? 'ML' : 'SL',
    notice: '',
    requirements,
  };
}

export function answer(
  scope: Scope,
  requirement: string,
  result: ResponseResult,
  extra: Partial<ChecklistResponse> = {},
): ChecklistResponse {
  return {
    scope,
    requirement,
    result,
    maturity: null,
    justification: result === 'not-applicable' ? 'Does not apply here' : '',
    comment: '',
    evidence: [],
    flagged: false,
    assessedBy: 'Ada',
    assessedAt: '2026-11-26T08:00:00Z',
    ...extra,
  };
}

export function emptyModel(patch: Partial<AssessmentModel> = {}): AssessmentModel {
  return {
    assessment: {
      id: 'a1',
      title: 'Test',
      organisation: 'Acme Water',
      site: 'Plant 1',
      assessors: [{ name: 'Ada' }],
      createdAt: '2026-11-26T08:00:00Z',
      status: 'in-progress',
      catalogs: [],
      smsTargetMaturity: 3,
      scopeStatement: '',
      startDate: null,
      endDate: null,
    },
    zones: [],
    conduits: [],
    assets: [],
    responses: [],
    compensatingControls: [],
    findings: [],
    gapTracking: [],
    ...patch,
  };
}

export function zone(id: string, slTarget: SlVector, name = `Zone ${id}`) {
  return { id, name, description: '', slTarget };
}

export function asset(
  id: string,
  zoneId: string,
  componentType: ComponentType = 'EDR',
  extra: Partial<Asset> = {},
): Asset {
  return {
    id,
    name: `Asset ${id}`,
    zone: zoneId,
    componentType,
    vendor: '',
    model: '',
    firmware: '',
    legacy: false,
    roles: [],
    certificates: [],
    endOfLife: null,
    ...extra,
  };
}

export function conduit(id: string, zones: [string, string], slTarget: SlVector) {
  return { id, name: `Conduit ${id}`, description: '', zones, protocols: [], slTarget };
}
