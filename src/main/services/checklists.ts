import type Database from 'better-sqlite3';
import { isAnswered } from '../../core/answers';
import {
  type ApplicabilityScope,
  applicableRequirements,
  isRequiredAt,
} from '../../core/catalog/applicability';
import type { Scope } from '../../core/domain';
import type { Checklist, ChecklistItem } from '../../shared/contract/checklists';
import type { EvidenceLinks } from './evidenceLinks';
import { type ResponseRow, scopeColumns, toResponse } from './modelRows';
import type { ScopeResolver } from './scopes';
import type { WorkspaceCatalogs } from './workspaceCatalogs';

/** One scope's checklist: its applicable requirements in catalog order, each with its answer. */
export class ChecklistService {
  private readonly responsesStmt: Database.Statement;

  constructor(
    ws: { db: Database.Database },
    private readonly scopes: ScopeResolver,
    private readonly catalogs: WorkspaceCatalogs,
    private readonly links: EvidenceLinks,
  ) {
    this.responsesStmt = ws.db.prepare(
      'SELECT * FROM response WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ?',
    );
  }

  get(assessmentId: string, scope: Scope, aboveTarget = false): Checklist {
    const s = this.scopes.resolve(assessmentId, scope);
    const catalog = this.catalogs.byPart(s.part);
    const appScope: ApplicabilityScope =
      scope.kind === 'asset' ? { kind: 'asset', componentType: s.componentType! } : { kind: scope.kind };
    const reqs = applicableRequirements(catalog, appScope, s.slTarget, { aboveTarget });
    const rows = new Map(
      (this.responsesStmt.all(assessmentId, ...scopeColumns(scope)) as ResponseRow[]).map((r) => [
        r.requirement,
        r,
      ]),
    );
    const evidence = rows.size ? this.links.forScope(assessmentId, scope) : new Map<string, string[]>();
    let answered = 0;
    let total = 0;
    const items: ChecklistItem[] = reqs.map((requirement) => {
      const atTarget = catalog.scale === 'ML' || isRequiredAt(requirement, s.slTarget);
      const row = rows.get(requirement.id);
      if (atTarget) {
        total++;
        if (isAnswered(scope.kind, row)) answered++;
      }
      const licensedText = this.catalogs.licensedText(catalog.id, requirement.id);
      return {
        requirement,
        atTarget,
        response: row ? toResponse(row, evidence.get(requirement.id) ?? []) : null,
        ...(licensedText !== undefined && { licensedText }),
      };
    });
    return {
      scope,
      scopeName: s.name,
      catalogId: catalog.id,
      slTarget: s.slTarget,
      targetMaturity: s.targetMaturity,
      items,
      progress: { answered, total },
    };
  }
}
