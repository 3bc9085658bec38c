import type Database from 'better-sqlite3';
import type { RequirementIndex } from '../../core/catalog/requirementIndex';
import type { FindingStatus, Scope, Severity } from '../../core/domain';
import { anyCatalogHas } from '../../core/interchange/validate';
import type { Finding } from '../../core/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import type { AssessmentService } from './assessments';
import { applyPatch, changesOf } from './changes';
import type { EvidenceLinks } from './evidenceLinks';
import { newId } from './ids';
import { type FindingRow, scopeColumns, toFinding } from './modelRows';
import type { ScopeResolver } from './scopes';

export interface NewFinding {
  title: string;
  requirement?: string | null;
  scope?: Scope | null;
  severity: Severity;
  description?: string;
  recommendation?: string;
  owner?: string;
  due?: string | null;
  status?: FindingStatus;
}

export type FindingPatch = Partial<NewFinding>;

type FindingFields = Omit<Finding, 'id' | 'evidence'>;

/** Manual findings: what the auditor writes beside the gaps derived from answers. */
export class FindingService {
  private readonly listStmt: Database.Statement;
  private readonly getStmt: Database.Statement;
  private readonly insertStmt: Database.Statement;
  private readonly updateStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;
  private readonly deleteLinksStmt: Database.Statement;

  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly scopes: ScopeResolver,
    private readonly index: RequirementIndex,
    private readonly links: EvidenceLinks,
  ) {
    const db = ws.db;
    this.listStmt = db.prepare('SELECT * FROM finding WHERE assessment_id = ? ORDER BY created_at, id');
    this.getStmt = db.prepare('SELECT * FROM finding WHERE assessment_id = ? AND id = ?');
    this.insertStmt = db.prepare(
      `INSERT INTO finding (id, assessment_id, title, requirement, scope_kind, scope_id, severity, description,
         recommendation, owner, due, status, created_at, updated_at)
       VALUES (@id, @a, @title, @requirement, @scopeKind, @scopeId, @severity, @description,
         @recommendation, @owner, @due, @status, @at, @at)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE finding SET title = @title, requirement = @requirement, scope_kind = @scopeKind,
         scope_id = @scopeId, severity = @severity, description = @description,
         recommendation = @recommendation, owner = @owner, due = @due, status = @status, updated_at = @at
       WHERE assessment_id = @a AND id = @id`,
    );
    this.deleteStmt = db.prepare('DELETE FROM finding WHERE assessment_id = ? AND id = ?');
    this.deleteLinksStmt = db.prepare(
      `DELETE FROM evidence_link WHERE assessment_id = ? AND target_kind = 'finding' AND target_id = ?`,
    );
  }

  list(assessmentId: string): Finding[] {
    this.assessments.require(assessmentId);
    const links = this.links.all(assessmentId);
    return (this.listStmt.all(assessmentId) as FindingRow[]).map((r) =>
      toFinding(r, links.get(`finding|${r.id}`) ?? []),
    );
  }

  get(assessmentId: string, id: string): Finding {
    const row = this.getStmt.get(assessmentId, id) as FindingRow | undefined;
    if (row) return toFinding(row, this.links.forTarget(assessmentId, 'finding', id));
    this.assessments.require(assessmentId);
    throw new AppError('not-found', `No finding with id ${id} in this assessment.`);
  }

  /**
   * The scope must exist and the requirement must be a checklist item of its catalog (of any catalog
   * without a scope). The component type is not checked, so a finding survives a change of it.
   */
  private check(assessmentId: string, f: FindingFields): void {
    if (f.scope) {
      const s = this.scopes.resolve(assessmentId, f.scope);
      if (f.requirement) {
        const problem = this.index.problem(f.scope.kind, f.requirement);
        if (problem)
          throw new AppError('invalid-input', `The finding's requirement: ${problem} (${s.name}).`);
      }
    } else if (f.requirement && !anyCatalogHas(this.index, f.requirement)) {
      throw new AppError(
        'invalid-input',
        `The finding's requirement: unknown requirement "${f.requirement}".`,
      );
    }
  }

  private params(assessmentId: string, id: string, f: FindingFields, at: string) {
    const [scopeKind, scopeId] = f.scope ? scopeColumns(f.scope) : [null, null];
    return {
      id,
      a: assessmentId,
      title: f.title,
      requirement: f.requirement,
      scopeKind,
      scopeId,
      severity: f.severity,
      description: f.description,
      recommendation: f.recommendation,
      owner: f.owner,
      due: f.due,
      status: f.status,
      at,
    };
  }

  create(assessmentId: string, input: NewFinding, id?: string): Finding {
    return this.ws.write(() => {
      this.assessments.require(assessmentId);
      const fields: FindingFields = {
        title: input.title.trim(),
        requirement: input.requirement ?? null,
        scope: input.scope ?? null,
        severity: input.severity,
        description: input.description ?? '',
        recommendation: input.recommendation ?? '',
        owner: input.owner ?? '',
        due: input.due ?? null,
        status: input.status ?? 'open',
      };
      this.check(assessmentId, fields);
      const findingId =
        id ?? newId(fields.title, 'finding', (x) => this.getStmt.get(assessmentId, x) !== undefined);
      this.ws.change(
        assessmentId,
        {
          action: 'finding.created',
          entity: 'finding',
          entityId: findingId,
          data: { ...fields, scope: fields.scope ? { ...fields.scope } : null },
        },
        (at) => {
          this.insertStmt.run(this.params(assessmentId, findingId, fields, at));
        },
      );
      return { id: findingId, ...fields, evidence: [] };
    });
  }

  update(assessmentId: string, id: string, patch: FindingPatch): Finding {
    return this.ws.write(() => {
      const before = this.get(assessmentId, id);
      const next = applyPatch(before, { ...patch, title: patch.title?.trim() });
      const changes = changesOf(before, next);
      if (Object.keys(changes).length === 0) return before;
      this.check(assessmentId, next);
      this.ws.change(
        assessmentId,
        { action: 'finding.updated', entity: 'finding', entityId: id, data: changes },
        (at) => {
          this.updateStmt.run(this.params(assessmentId, id, next, at));
        },
      );
      return next;
    });
  }

  delete(assessmentId: string, id: string): { deleted: string } {
    return this.ws.write(() => {
      const before = this.get(assessmentId, id);
      this.ws.change(
        assessmentId,
        {
          action: 'finding.deleted',
          entity: 'finding',
          entityId: id,
          data: { title: before.title, severity: before.severity, unlinkedEvidence: before.evidence },
        },
        () => {
          this.deleteLinksStmt.run(assessmentId, id);
          this.deleteStmt.run(assessmentId, id);
        },
      );
      return { deleted: id };
    });
  }
}
