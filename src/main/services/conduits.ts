import type Database from 'better-sqlite3';
import { FRS, type SlVector } from '../../core/domain';
import type { Conduit, Zone } from '../../core/model';
import type { ScopedDeletion } from '../../shared/contract/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { AssessmentService } from './assessments';
import { changesOf } from './changes';
import { newId } from './ids';
import { type ConduitRow, slJson, toConduit, toZone, type ZoneRow } from './modelRows';
import type { ScopeCleanup } from './scopeCleanup';

export interface NewConduit {
  name: string;
  description?: string;
  zones: [string, string];
  protocols?: string[];
  /** Omitted: the higher of the two zones' SL-T per FR. */
  slTarget?: SlVector;
}

export type ConduitPatch = Partial<Omit<NewConduit, 'slTarget'>> & { slTarget?: SlVector };

/** A conduit's default SL-T: per FR the higher of the two zones it joins. */
export function defaultConduitSl(a: SlVector, b: SlVector): SlVector {
  return Object.fromEntries(FRS.map((fr) => [fr, Math.max(a[fr], b[fr])])) as SlVector;
}

export class ConduitService {
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly zoneStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;

  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly cleanup: ScopeCleanup,
  ) {
    const db = ws.db;
    this.listStmt = db.prepare('SELECT * FROM conduit WHERE assessment_id = ? ORDER BY rowid');
    this.getStmt = db.prepare('SELECT * FROM conduit WHERE assessment_id = ? AND id = ?');
    this.zoneStmt = db.prepare('SELECT * FROM zone WHERE assessment_id = ? AND id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO conduit (id, assessment_id, name, description, zone_a, zone_b, protocols, sl_target)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE conduit SET name = ?, description = ?, zone_a = ?, zone_b = ?, protocols = ?, sl_target = ?
       WHERE assessment_id = ? AND id = ?`,
    );
    this.deleteStmt = db.prepare('DELETE FROM conduit WHERE assessment_id = ? AND id = ?');
  }

  list(assessmentId: string): Conduit[] {
    this.assessments.require(assessmentId);
    return (this.listStmt.all(assessmentId) as ConduitRow[]).map(toConduit);
  }

  get(assessmentId: string, id: string): Conduit {
    const row = this.getStmt.get(assessmentId, id) as ConduitRow | undefined;
    if (row) return toConduit(row);
    this.assessments.require(assessmentId);
    throw new AppError('not-found', `No conduit with id ${id} in this assessment.`);
  }

  /** The two zones of a conduit, checked: both exist and differ. */
  private zonesOf(assessmentId: string, zones: [string, string]): [Zone, Zone] {
    if (zones[0] === zones[1]) {
      throw new AppError('invalid-input', 'A conduit joins two different zones; choose a second zone.');
    }
    return zones.map((z) => {
      const row = this.zoneStmt.get(assessmentId, z) as ZoneRow | undefined;
      if (!row) throw new AppError('not-found', `No zone with id ${z} in this assessment.`);
      return toZone(row);
    }) as [Zone, Zone];
  }

  create(assessmentId: string, input: NewConduit, id?: string): Conduit {
    return this.ws.write(() => {
      this.assessments.require(assessmentId);
      const [a, b] = this.zonesOf(assessmentId, input.zones);
      const conduitId =
        id ?? newId(input.name, 'conduit', (x) => this.getStmt.get(assessmentId, x) !== undefined);
      const conduit: Conduit = {
        id: conduitId,
        name: input.name.trim(),
        description: input.description ?? '',
        zones: [a.id, b.id],
        protocols: (input.protocols ?? []).map((p) => p.trim()).filter(Boolean),
        slTarget: input.slTarget ?? defaultConduitSl(a.slTarget, b.slTarget),
      };
      this.ws.change(
        assessmentId,
        {
          action: 'conduit.created',
          entity: 'conduit',
          entityId: conduitId,
          data: {
            name: conduit.name,
            zones: [...conduit.zones],
            protocols: [...conduit.protocols],
            slTarget: { ...conduit.slTarget },
            slTargetDefaulted: input.slTarget === undefined,
          },
        },
        () => {
          this.insertStmt.run(
            conduitId,
            assessmentId,
            conduit.name,
            conduit.description,
            a.id,
            b.id,
            JSON.stringify(conduit.protocols),
            slJson(conduit.slTarget),
          );
        },
      );
      return conduit;
    });
  }

  update(assessmentId: string, id: string, patch: ConduitPatch): Conduit {
    return this.ws.write(() => {
      const before = this.get(assessmentId, id);
      if (patch.zones) this.zonesOf(assessmentId, patch.zones);
      const next: Conduit = {
        ...before,
        ...(patch.name !== undefined && { name: patch.name.trim() }),
        ...(patch.description !== undefined && { description: patch.description }),
        ...(patch.zones && { zones: [patch.zones[0], patch.zones[1]] as [string, string] }),
        ...(patch.protocols && { protocols: patch.protocols.map((p) => p.trim()).filter(Boolean) }),
        ...(patch.slTarget && { slTarget: patch.slTarget }),
      };
      const changes = changesOf(before, next);
      if (Object.keys(changes).length === 0) return before;
      this.ws.change(
        assessmentId,
        { action: 'conduit.updated', entity: 'conduit', entityId: id, data: changes },
        () => {
          this.updateStmt.run(
            next.name,
            next.description,
            next.zones[0],
            next.zones[1],
            JSON.stringify(next.protocols),
            slJson(next.slTarget),
            assessmentId,
            id,
          );
        },
      );
      return next;
    });
  }

  /** Deletes a conduit with its answers; `withZone` names the zone whose deletion took it along. */
  delete(assessmentId: string, id: string, withZone?: string): ScopedDeletion {
    return this.ws.write(() => {
      const before = this.get(assessmentId, id);
      const d = this.ws.change(
        assessmentId,
        (d: ScopedDeletion & { removedResponses: number }) => ({
          action: 'conduit.deleted',
          entity: 'conduit',
          entityId: id,
          data: {
            name: before.name,
            zones: [...before.zones],
            ...(withZone && { withZone }),
            removedResponses: d.removedResponses,
            detachedFindings: d.detachedFindings,
          },
        }),
        (at) => {
          const r = this.cleanup.removeScope(assessmentId, { kind: 'conduit', id }, at);
          this.deleteStmt.run(assessmentId, id);
          return { deleted: id, ...r };
        },
      );
      return { deleted: d.deleted, detachedFindings: d.detachedFindings };
    });
  }
}
