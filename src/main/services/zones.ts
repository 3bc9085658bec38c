import type Database from 'better-sqlite3';
import type { SlVector } from '../../core/domain';
import type { Zone } from '../../core/model';
import type { ZoneDeletion } from '../../shared/contract/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { AssessmentService } from './assessments';
import type { AssetService } from './assets';
import { changesOf } from './changes';
import type { ConduitService } from './conduits';
import { newId } from './ids';
import { slJson, toZone, type ZoneRow } from './modelRows';
import type { ScopeCleanup, ScopeRemoval } from './scopeCleanup';

export interface NewZone {
  name: string;
  description?: string;
  slTarget: SlVector;
}

export type ZonePatch = Partial<NewZone>;

export class ZoneService {
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly assetsInStmt: Database.Statement;
  private readonly conduitsAtStmt: Database.Statement;

  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly conduits: ConduitService,
    private readonly assets: AssetService,
    private readonly cleanup: ScopeCleanup,
  ) {
    const db = ws.db;
    // rowid order is the order the auditor created them in (typically top to bottom of the plant).
    this.listStmt = db.prepare('SELECT * FROM zone WHERE assessment_id = ? ORDER BY rowid');
    this.getStmt = db.prepare('SELECT * FROM zone WHERE assessment_id = ? AND id = ?');
    this.insertStmt = db.prepare(
      'INSERT INTO zone (id, assessment_id, name, description, sl_target) VALUES (?, ?, ?, ?, ?)',
    );
    this.updateStmt = db.prepare(
      'UPDATE zone SET name = ?, description = ?, sl_target = ? WHERE assessment_id = ? AND id = ?',
    );
    this.deleteStmt = db.prepare('DELETE FROM zone WHERE assessment_id = ? AND id = ?');
    this.assetsInStmt = db.prepare(
      'SELECT id FROM asset WHERE assessment_id = ? AND zone_id = ? ORDER BY rowid',
    );
    this.conduitsAtStmt = db.prepare(
      'SELECT id FROM conduit WHERE assessment_id = ? AND (zone_a = ? OR zone_b = ?) ORDER BY rowid',
    );
  }

  list(assessmentId: string): Zone[] {
    this.assessments.require(assessmentId);
    return (this.listStmt.all(assessmentId) as ZoneRow[]).map(toZone);
  }

  find(assessmentId: string, id: string): Zone | undefined {
    const row = this.getStmt.get(assessmentId, id) as ZoneRow | undefined;
    return row && toZone(row);
  }

  get(assessmentId: string, id: string): Zone {
    const zone = this.find(assessmentId, id);
    if (zone) return zone;
    this.assessments.require(assessmentId);
    throw new AppError('not-found', `No zone with id ${id} in this assessment.`);
  }

  create(assessmentId: string, input: NewZone, id?: string): Zone {
    return this.ws.write(() => {
      this.assessments.require(assessmentId);
      const zoneId = id ?? newId(input.name, 'zone', (x) => this.find(assessmentId, x) !== undefined);
      const zone: Zone = {
        id: zoneId,
        name: input.name.trim(),
        description: input.description ?? '',
        slTarget: input.slTarget,
      };
      this.ws.change(
        assessmentId,
        {
          action: 'zone.created',
          entity: 'zone',
          entityId: zoneId,
          data: { name: zone.name, slTarget: { ...zone.slTarget } },
        },
        () => {
          this.insertStmt.run(zoneId, assessmentId, zone.name, zone.description, slJson(zone.slTarget));
        },
      );
      return zone;
    });
  }

  update(assessmentId: string, id: string, patch: ZonePatch): Zone {
    return this.ws.write(() => {
      const before = this.get(assessmentId, id);
      const next: Zone = {
        ...before,
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.slTarget !== undefined && { slTarget: patch.slTarget }),
      };
      const changes = changesOf(before, next);
      if (Object.keys(changes).length === 0) return before;
      this.ws.change(
        assessmentId,
        { action: 'zone.updated', entity: 'zone', entityId: id, data: changes },
        () => {
          this.updateStmt.run(next.name, next.description, slJson(next.slTarget), assessmentId, id);
        },
      );
      return next;
    });
  }

  /**
   * Deletes a zone with its conduits. Its assets are moved or deleted as the caller chose; without a
   * choice a zone with assets is a conflict. One transaction, one audit event per affected item.
   */
  delete(assessmentId: string, id: string, assets?: 'delete' | { moveTo: string }): ZoneDeletion {
    return this.ws.write(() => {
      const zone = this.get(assessmentId, id);
      const assetIds = (this.assetsInStmt.all(assessmentId, id) as { id: string }[]).map((r) => r.id);
      if (assetIds.length > 0 && !assets) {
        const n = assetIds.length === 1 ? '1 asset' : `${assetIds.length} assets`;
        throw new AppError(
          'conflict',
          `Zone "${zone.name}" has ${n}. Choose whether to move ${assetIds.length === 1 ? 'it' : 'them'} to another zone or delete ${assetIds.length === 1 ? 'it' : 'them'} with the zone.`,
          { assets: assetIds.length },
        );
      }
      let target: Zone | undefined;
      if (assets && assets !== 'delete') {
        if (assets.moveTo === id) {
          throw new AppError('invalid-input', 'Choose a different zone to move the assets to.');
        }
        target = this.get(assessmentId, assets.moveTo);
      }
      const conduitIds = (this.conduitsAtStmt.all(assessmentId, id, id) as { id: string }[]).map((r) => r.id);
      const movedAssets = target ? assetIds : [];
      const deletedAssets = target ? [] : assetIds;
      return this.ws.write((): ZoneDeletion => {
        const detached = new Set<string>();
        for (const c of conduitIds) {
          for (const f of this.conduits.delete(assessmentId, c, id).detachedFindings) detached.add(f);
        }
        if (target) this.assets.move(assessmentId, assetIds, target.id);
        else {
          for (const a of assetIds) {
            for (const f of this.assets.delete(assessmentId, a, id).detachedFindings) detached.add(f);
          }
        }
        const removal = this.ws.change(
          assessmentId,
          (r: ScopeRemoval) => ({
            action: 'zone.deleted',
            entity: 'zone',
            entityId: id,
            data: {
              name: zone.name,
              deletedConduits: conduitIds,
              movedAssets,
              ...(target && { movedTo: target.id }),
              deletedAssets,
              removedResponses: r.removedResponses,
              detachedFindings: r.detachedFindings,
            },
          }),
          (at) => {
            const r = this.cleanup.removeScope(assessmentId, { kind: 'zone', id }, at);
            this.deleteStmt.run(assessmentId, id);
            return r;
          },
        );
        for (const f of removal.detachedFindings) detached.add(f);
        return {
          deleted: id,
          movedAssets,
          deletedAssets,
          deletedConduits: conduitIds,
          detachedFindings: [...detached].sort(),
        };
      });
    });
  }
}
