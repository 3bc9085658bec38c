import { randomUUID } from 'node:crypto';
import type { JsonValue } from '../../core/canonicalJson';
import type { AssessmentStatus } from '../../core/domain';
import type {
  AssessmentDetails,
  AssessmentPatch,
  AssessmentSummary,
} from '../../shared/contract/assessments';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';

interface AssessmentRow {
  id: string;
  title: string;
  organisation: string;
  site: string;
  status: AssessmentStatus;
  assessors: string;
  scope_statement: string;
  start_date: string | null;
  end_date: string | null;
  catalogs: string;
  sms_target_maturity: number;
  created_at: string;
  updated_at: string;
}

function toDetails(r: AssessmentRow): AssessmentDetails {
  return {
    id: r.id,
    title: r.title,
    organisation: r.organisation,
    site: r.site,
    status: r.status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    assessors: JSON.parse(r.assessors),
    scopeStatement: r.scope_statement,
    startDate: r.start_date,
    endDate: r.end_date,
    catalogs: JSON.parse(r.catalogs),
    smsTargetMaturity: r.sms_target_maturity,
  };
}

const PATCH_COLUMNS: Record<keyof AssessmentPatch, string> = {
  title: 'title',
  organisation: 'organisation',
  site: 'site',
  status: 'status',
  assessors: 'assessors',
  scopeStatement: 'scope_statement',
  startDate: 'start_date',
  endDate: 'end_date',
  smsTargetMaturity: 'sms_target_maturity',
};

export interface NewAssessment {
  title: string;
  site?: string;
  organisation?: string;
}

export class AssessmentService {
  private readonly deleted: ((id: string) => void)[] = [];

  constructor(private readonly ws: Workspace) {}

  /** Runs after an assessment was deleted (e.g. to drop evidence files no other assessment uses). */
  onDeleted(listener: (id: string) => void): void {
    this.deleted.push(listener);
  }

  list(): AssessmentSummary[] {
    return this.ws.db
      .prepare(
        `SELECT id, title, organisation, site, status, created_at AS createdAt, updated_at AS updatedAt
         FROM assessment ORDER BY updated_at DESC, id`,
      )
      .all() as AssessmentSummary[];
  }

  get(id: string): AssessmentDetails {
    const row = this.ws.db.prepare('SELECT * FROM assessment WHERE id = ?').get(id) as
      | AssessmentRow
      | undefined;
    if (!row) throw new AppError('not-found', `No assessment with id ${id}. It may have been deleted.`);
    return toDetails(row);
  }

  exists(id: string): boolean {
    return this.ws.db.prepare('SELECT 1 FROM assessment WHERE id = ?').get(id) !== undefined;
  }

  /** Throws not-found unless the assessment exists; used by every service that writes into one. */
  require(id: string): void {
    if (!this.ws.db.prepare('SELECT 1 FROM assessment WHERE id = ?').get(id)) {
      throw new AppError('not-found', `No assessment with id ${id}. It may have been deleted.`);
    }
  }

  create(input: NewAssessment, id: string = randomUUID()): AssessmentDetails {
    const title = input.title.trim();
    this.ws.change(
      id,
      {
        action: 'assessment.created',
        entity: 'assessment',
        entityId: id,
        data: { title, site: input.site ?? '' },
      },
      (at) => {
        this.ws.db
          .prepare(
            'INSERT INTO assessment (id, title, organisation, site, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
          )
          .run(id, title, input.organisation ?? '', input.site ?? '', at, at);
      },
    );
    return this.get(id);
  }

  rename(id: string, title: string): AssessmentDetails {
    return this.update(id, { title });
  }

  update(id: string, patch: AssessmentPatch): AssessmentDetails {
    return this.ws.write(() => {
      const before = this.get(id);
      const keys = (Object.keys(patch) as (keyof AssessmentPatch)[]).filter((k) => patch[k] !== undefined);
      if (keys.length === 0) return before;
      const values = keys.map((k) => {
        const v = patch[k];
        return k === 'assessors' ? JSON.stringify(v) : k === 'title' ? String(v).trim() : v;
      });
      const changes = Object.fromEntries(
        keys.map((k) => [k, { from: before[k] ?? null, to: patch[k] ?? null }]),
      );
      this.ws.change(
        id,
        { action: 'assessment.updated', entity: 'assessment', entityId: id, data: changes as JsonValue },
        () => {
          const set = keys.map((k) => `${PATCH_COLUMNS[k]} = ?`).join(', ');
          this.ws.db.prepare(`UPDATE assessment SET ${set} WHERE id = ?`).run(...values, id);
        },
      );
      return this.get(id);
    });
  }

  delete(id: string): { deleted: string } {
    this.ws.write(() => {
      const before = this.get(id);
      this.ws.change(
        id,
        { action: 'assessment.deleted', entity: 'assessment', entityId: id, data: { title: before.title } },
        () => {
          this.ws.db.prepare('DELETE FROM assessment WHERE id = ?').run(id);
        },
      );
    });
    for (const listener of this.deleted) listener(id);
    return { deleted: id };
  }
}
