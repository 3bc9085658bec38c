import type Database from 'better-sqlite3';
import { responseRuleProblem, resultForMaturity } from '../../core/answers';
import type { RequirementIndex } from '../../core/catalog/requirementIndex';
import { type ResponseResult, responseKey, type Scope } from '../../core/domain';
import type { ChecklistResponse } from '../../core/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import { changesOf } from './changes';
import type { EvidenceLinks } from './evidenceLinks';
import { type ResponseRow, scopeColumns, toResponse } from './modelRows';
import type { ResolvedScope, ScopeResolver } from './scopes';

export interface ResponsePatch {
  result?: ResponseResult;
  maturity?: number | null;
  justification?: string;
  comment?: string;
  flagged?: boolean;
}

interface Answer {
  result: ResponseResult;
  maturity: number | null;
  justification: string;
  comment: string;
  flagged: boolean;
}

const UNANSWERED = { result: null, maturity: null, justification: '', comment: '', flagged: false };

const answerOf = (row: ResponseRow): Answer => ({
  result: row.result,
  maturity: row.maturity,
  justification: row.justification,
  comment: row.comment,
  flagged: row.flagged === 1,
});

const sentence = (s: string) => `${s[0].toUpperCase()}${s.slice(1)}.`;

/** Checks that `requirement` can be answered for the scope; throws a one-sentence invalid-input otherwise. */
export function requireAnswerable(index: RequirementIndex, s: ResolvedScope, requirement: string): void {
  const problem = index.problem(s.scope.kind, requirement, s.componentType);
  if (problem) throw new AppError('invalid-input', sentence(`${problem} (${s.name})`));
}

/** Applies a patch to an answer by the rules of answering (see resultForMaturity and responseRuleProblem). */
export function nextAnswer(before: Answer | null, patch: ResponsePatch, s: ResolvedScope): Answer {
  const next: Answer = {
    result: patch.result ?? before?.result ?? 'not-assessed',
    maturity: patch.maturity !== undefined ? patch.maturity : (before?.maturity ?? null),
    justification: patch.justification ?? before?.justification ?? '',
    comment: patch.comment ?? before?.comment ?? '',
    flagged: patch.flagged ?? before?.flagged ?? false,
  };
  if (s.scope.kind === 'organisation' && s.targetMaturity !== null) {
    // The questionnaire is rated by maturity; the result follows it unless the auditor sets one.
    if (patch.result === undefined && patch.maturity !== undefined)
      next.result = resultForMaturity(patch.maturity, s.targetMaturity);
    if (patch.result === 'not-applicable' && patch.maturity === undefined) next.maturity = null;
  }
  // A justification only means something on an N/A answer; leaving N/A drops it (the audit event
  // keeps the old text).
  if (next.result !== 'not-applicable' && patch.justification === undefined) next.justification = '';
  const rule = responseRuleProblem(s.scope.kind, next.result, next.maturity, next.justification);
  if (rule)
    throw new AppError('invalid-input', sentence(rule.sentence), {
      field: rule.field === 'justification' ? 'justification' : 'maturity',
    });
  return next;
}

/** Saving and clearing single answers; every write is one durable transaction with its audit event. */
export class ResponseService {
  private readonly getStmt: Database.Statement;
  private readonly upsertStmt: Database.Statement;
  private readonly deleteStmt: Database.Statement;

  constructor(
    private readonly ws: Workspace,
    private readonly scopes: ScopeResolver,
    private readonly index: RequirementIndex,
    private readonly links: EvidenceLinks,
  ) {
    const db = ws.db;
    this.getStmt = db.prepare(
      'SELECT * FROM response WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ? AND requirement = ?',
    );
    this.upsertStmt = db.prepare(
      `INSERT INTO response (assessment_id, scope_kind, scope_id, requirement, result, maturity,
         justification, comment, flagged, assessed_by, assessed_at)
       VALUES (@a, @kind, @id, @req, @result, @maturity, @justification, @comment, @flagged, @by, @at)
       ON CONFLICT (assessment_id, scope_kind, scope_id, requirement) DO UPDATE SET
         result = excluded.result, maturity = excluded.maturity,
         justification = excluded.justification, comment = excluded.comment,
         flagged = excluded.flagged, assessed_by = excluded.assessed_by, assessed_at = excluded.assessed_at`,
    );
    this.deleteStmt = db.prepare(
      'DELETE FROM response WHERE assessment_id = ? AND scope_kind = ? AND scope_id = ? AND requirement = ?',
    );
  }

  get(assessmentId: string, scope: Scope, requirement: string): ChecklistResponse | null {
    const [kind, id] = scopeColumns(scope);
    const row = this.getStmt.get(assessmentId, kind, id, requirement) as ResponseRow | undefined;
    return row
      ? toResponse(row, this.links.forTarget(assessmentId, 'response', responseKey(scope, requirement)))
      : null;
  }

  /** Upserts one answer; fields not in the patch keep their value. */
  set(assessmentId: string, scope: Scope, requirement: string, patch: ResponsePatch): ChecklistResponse {
    const s = this.scopes.resolve(assessmentId, scope);
    requireAnswerable(this.index, s, requirement);
    const [kind, id] = scopeColumns(scope);
    const row = this.getStmt.get(assessmentId, kind, id, requirement) as ResponseRow | undefined;
    const before: Answer | null = row ? answerOf(row) : null;
    const next = nextAnswer(before, patch, s);
    const changes = changesOf<Answer | typeof UNANSWERED>(before ?? UNANSWERED, next);
    const key = responseKey(scope, requirement);
    if (row && Object.keys(changes).length === 0) {
      return toResponse(row, this.links.forTarget(assessmentId, 'response', key));
    }
    const by = this.ws.actor();
    const at = this.ws.change(
      assessmentId,
      { action: 'response.set', entity: 'response', entityId: key, data: { scope: s.name, ...changes } },
      (at) => {
        this.upsertStmt.run({
          a: assessmentId,
          kind,
          id,
          req: requirement,
          result: next.result,
          maturity: next.maturity,
          justification: next.justification,
          comment: next.comment,
          flagged: next.flagged ? 1 : 0,
          by,
          at,
        });
        return at;
      },
    );
    return {
      scope,
      requirement,
      ...next,
      maturity: next.maturity as ChecklistResponse['maturity'],
      // Evidence can be linked before the first answer (photo first, then the verdict).
      evidence: this.links.forTarget(assessmentId, 'response', key),
      assessedBy: by,
      assessedAt: at,
    };
  }

  clear(assessmentId: string, scope: Scope, requirement: string): { cleared: boolean } {
    const s = this.scopes.resolve(assessmentId, scope);
    const [kind, id] = scopeColumns(scope);
    const row = this.getStmt.get(assessmentId, kind, id, requirement) as ResponseRow | undefined;
    if (!row) return { cleared: false };
    const before = answerOf(row);
    const key = responseKey(scope, requirement);
    this.ws.change(
      assessmentId,
      {
        action: 'response.cleared',
        entity: 'response',
        entityId: key,
        data: { scope: s.name, ...changesOf<Answer | typeof UNANSWERED>(before, UNANSWERED) },
      },
      () => {
        this.deleteStmt.run(assessmentId, kind, id, requirement);
      },
    );
    return { cleared: true };
  }
}
