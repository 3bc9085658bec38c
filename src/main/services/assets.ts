import type Database from 'better-sqlite3';
import type { JsonValue } from '../../core/canonicalJson';
import { roleProblem } from '../../core/catalog/applicability';
import type { RequirementIndex } from '../../core/catalog/requirementIndex';
import type { AssetRole } from '../../core/catalog/types';
import type { ComponentType } from '../../core/domain';
import type { Asset, Certificate } from '../../core/model';
import type { ScopedDeletion } from '../../shared/contract/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { AssessmentService } from './assessments';
import { applyPatch, changesOf } from './changes';
import { newId } from './ids';
import { type AssetRow, toAsset } from './modelRows';
import type { ScopeCleanup } from './scopeCleanup';

export interface NewAsset {
  name: string;
  zone: string;
  componentType: ComponentType;
  vendor?: string;
  model?: string;
  firmware?: string;
  legacy?: boolean;
  roles?: AssetRole[];
  certificates?: Certificate[];
  endOfLife?: string | null;
}

/** Refuses a role the component type cannot hold (domain.md: boundary and untrusted access are NDR only). */
function checkRoles(componentType: ComponentType, roles: readonly AssetRole[]): void {
  const problem = roleProblem(componentType, roles);
  if (problem)
    throw new AppError(
      'invalid-input',
      `This asset cannot have that role: ${problem}. Change its component type to network device first, or choose another role.`,
      { field: 'roles' },
    );
}

const asJson = (a: Asset) => JSON.parse(JSON.stringify(a)) as { [key: string]: JsonValue };

export type AssetPatch = Partial<NewAsset>;

export class AssetService {
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly zoneExists: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly moveStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly answeredStmt: Database.Statement;

  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly cleanup: ScopeCleanup,
    private readonly index: RequirementIndex,
  ) {
    const db = ws.db;
    this.listStmt = db.prepare('SELECT * FROM asset WHERE assessment_id = ? ORDER BY rowid');
    this.getStmt = db.prepare('SELECT * FROM asset WHERE assessment_id = ? AND id = ?');
    this.zoneExists = db.prepare('SELECT name FROM zone WHERE assessment_id = ? AND id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO asset (id, assessment_id, name, zone_id, component_type, vendor, model, firmware, legacy,
         roles, certificates, end_of_life) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE asset SET name = ?, zone_id = ?, component_type = ?, vendor = ?, model = ?, firmware = ?, legacy = ?,
         roles = ?, certificates = ?, end_of_life = ? WHERE assessment_id = ? AND id = ?`,
    );
    this.moveStmt = db.prepare('UPDATE asset SET zone_id = ? WHERE assessment_id = ? AND id = ?');
    this.deleteStmt = db.prepare('DELETE FROM asset WHERE assessment_id = ? AND id = ?');
    this.answeredStmt = db.prepare(
      `SELECT requirement FROM response WHERE assessment_id = ? AND scope_kind = 'asset' AND scope_id = ?`,
    );
  }

  list(assessmentId: string): Asset[] {
    this.assessments.require(assessmentId);
    return (this.listStmt.all(assessmentId) as AssetRow[]).map(toAsset);
  }

  get(assessmentId: string, id: string): Asset {
    const row = this.getStmt.get(assessmentId, id) as AssetRow | undefined;
    if (row) return toAsset(row);
    this.assessments.require(assessmentId);
    throw new AppError('not-found', `No asset with id ${id} in this assessment.`);
  }

  private requireZone(assessmentId: string, zone: string): void {
    if (!this.zoneExists.get(assessmentId, zone)) {
      throw new AppError('not-found', `No zone with id ${zone} in this assessment.`);
    }
  }

  isTaken(assessmentId: string, id: string): boolean {
    return this.getStmt.get(assessmentId, id) !== undefined;
  }

  create(assessmentId: string, input: NewAsset, id?: string): Asset {
    this.assessments.require(assessmentId);
    this.requireZone(assessmentId, input.zone);
    const asset: Asset = {
      id: id ?? newId(input.name, 'asset', (x) => this.isTaken(assessmentId, x)),
      name: input.name.trim(),
      zone: input.zone,
      componentType: input.componentType,
      vendor: input.vendor ?? '',
      model: input.model ?? '',
      firmware: input.firmware ?? '',
      legacy: input.legacy ?? false,
      roles: [...new Set(input.roles ?? [])].sort(),
      certificates: input.certificates ?? [],
      endOfLife: input.endOfLife ?? null,
    };
    checkRoles(asset.componentType, asset.roles);
    this.ws.change(
      assessmentId,
      { action: 'asset.created', entity: 'asset', entityId: asset.id, data: asJson(asset) },
      () => this.insert(assessmentId, asset),
    );
    return asset;
  }

  /** Inserts without an audit event: for callers that write their own (import, batch). */
  insert(assessmentId: string, a: Asset): void {
    this.insertStmt.run(
      a.id,
      assessmentId,
      a.name,
      a.zone,
      a.componentType,
      a.vendor,
      a.model,
      a.firmware,
      a.legacy ? 1 : 0,
      JSON.stringify(a.roles),
      JSON.stringify(a.certificates),
      a.endOfLife,
    );
  }

  /**
   * Changing the component type changes the checklist: answers to requirements the new type does
   * not have are removed (and listed in the audit event), so no answer is left that the asset's
   * checklist cannot show.
   */
  update(assessmentId: string, id: string, patch: AssetPatch): Asset {
    const before = this.get(assessmentId, id);
    if (patch.zone !== undefined && patch.zone !== before.zone) this.requireZone(assessmentId, patch.zone);
    const next = applyPatch(before, {
      ...patch,
      name: patch.name?.trim(),
      roles: patch.roles && [...new Set(patch.roles)].sort(),
    });
    checkRoles(next.componentType, next.roles);
    const changes = changesOf(before, next);
    if (Object.keys(changes).length === 0) return before;
    const dropped =
      next.componentType === before.componentType
        ? []
        : (this.answeredStmt.all(assessmentId, id) as { requirement: string }[])
            .map((r) => r.requirement)
            .filter((r) => this.index.problem('asset', r, next.componentType) !== null);
    this.ws.change(
      assessmentId,
      {
        action: 'asset.updated',
        entity: 'asset',
        entityId: id,
        data: dropped.length ? { ...changes, removedResponses: dropped } : changes,
      },
      () => {
        this.cleanup.removeResponses(assessmentId, { kind: 'asset', id }, dropped);
        this.updateStmt.run(
          next.name,
          next.zone,
          next.componentType,
          next.vendor,
          next.model,
          next.firmware,
          next.legacy ? 1 : 0,
          JSON.stringify(next.roles),
          JSON.stringify(next.certificates),
          next.endOfLife,
          assessmentId,
          id,
        );
      },
    );
    return next;
  }

  /** Moves assets to another zone, one audit event each (inside the caller's transaction when there is one). */
  move(assessmentId: string, ids: string[], zone: string): void {
    this.requireZone(assessmentId, zone);
    this.ws.db.transaction(() => {
      for (const id of ids) {
        const before = this.get(assessmentId, id);
        if (before.zone === zone) continue;
        this.ws.change(
          assessmentId,
          {
            action: 'asset.moved',
            entity: 'asset',
            entityId: id,
            data: { zone: { from: before.zone, to: zone } },
          },
          () => {
            this.moveStmt.run(zone, assessmentId, id);
          },
        );
      }
    })();
  }

  /** Deletes an asset with its answers; `withZone` names the zone whose deletion took it along. */
  delete(assessmentId: string, id: string, withZone?: string): ScopedDeletion {
    const before = this.get(assessmentId, id);
    const d = this.ws.change(
      assessmentId,
      (r: { removedResponses: number; detachedFindings: string[] }) => ({
        action: 'asset.deleted',
        entity: 'asset',
        entityId: id,
        data: {
          name: before.name,
          zone: before.zone,
          ...(withZone && { withZone }),
          removedResponses: r.removedResponses,
          detachedFindings: r.detachedFindings,
        },
      }),
      (at) => {
        const r = this.cleanup.removeScope(assessmentId, { kind: 'asset', id }, at);
        this.deleteStmt.run(assessmentId, id);
        return r;
      },
    );
    return { deleted: id, detachedFindings: d.detachedFindings };
  }
}
