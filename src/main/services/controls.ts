import type { JsonValue } from '../../core/canonicalJson';
import type { RequirementIndex } from '../../core/catalog/requirementIndex';
import { responseKey } from '../../core/domain';
import type { CompensatingControl, ControlKind, ItemRef } from '../../core/model';
import { AppError } from '../../shared/errors';
import type { Workspace } from '../workspace';
import { loadAssessmentModel } from './assessmentModel';
import { changesOf } from './changes';
import { ModelRowWriter } from './modelRowWriter';
import { requireAnswerable } from './responses';
import type { ScopeResolver } from './scopes';

export interface NewControl {
  description: string;
  kind: ControlKind;
  covers: ItemRef[];
  implementedBy?: ItemRef | null;
  owner?: string;
  evidence?: string[];
  reviewDue?: string | null;
}

export type ControlPatch = Partial<NewControl>;

const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as JsonValue;

/**
 * Compensating controls as records (domain.md "Satisfied"): each change one durable transaction
 * with its audit event. What a control covers and what implements it must be items of their
 * scopes' checklists; a control cannot be implemented by an item it covers itself.
 */
export class ControlService {
  private rows?: ModelRowWriter;

  constructor(
    private readonly ws: Workspace,
    private readonly scopes: ScopeResolver,
    private readonly index: RequirementIndex,
  ) {}

  list(assessmentId: string): CompensatingControl[] {
    return loadAssessmentModel(this.ws, assessmentId).compensatingControls;
  }

  get(assessmentId: string, id: string): CompensatingControl {
    const c = this.list(assessmentId).find((x) => x.id === id);
    if (!c) throw new AppError('not-found', `No compensating control with id ${id} in this assessment.`);
    return c;
  }

  create(assessmentId: string, input: NewControl): CompensatingControl {
    const existing = this.list(assessmentId);
    const taken = new Set(existing.map((c) => c.id));
    let n = existing.length + 1;
    while (taken.has(`CC-${n}`)) n++;
    const control = this.checked(assessmentId, {
      id: `CC-${n}`,
      description: input.description.trim(),
      kind: input.kind,
      covers: input.covers,
      implementedBy: input.implementedBy ?? null,
      owner: input.owner ?? '',
      evidence: input.evidence ?? [],
      reviewDue: input.reviewDue ?? null,
    });
    this.ws.change(
      assessmentId,
      { action: 'control.created', entity: 'control', entityId: control.id, data: json(control) },
      (at) => this.writer().control(assessmentId, control, at),
    );
    return control;
  }

  update(assessmentId: string, id: string, patch: ControlPatch): CompensatingControl {
    const before = this.get(assessmentId, id);
    const next = this.checked(assessmentId, {
      ...before,
      ...Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)),
      description: (patch.description ?? before.description).trim(),
    });
    const changes = changesOf(before, next);
    if (Object.keys(changes).length === 0) return before;
    this.ws.change(
      assessmentId,
      { action: 'control.updated', entity: 'control', entityId: id, data: json(changes) },
      (at) => this.writer().control(assessmentId, next, at),
    );
    return next;
  }

  delete(assessmentId: string, id: string): { deleted: string } {
    const before = this.get(assessmentId, id);
    this.ws.change(
      assessmentId,
      {
        action: 'control.deleted',
        entity: 'control',
        entityId: id,
        data: { description: before.description, kind: before.kind },
      },
      () => {
        this.ws.db
          .prepare('DELETE FROM compensating_control WHERE assessment_id = ? AND id = ?')
          .run(assessmentId, id);
      },
    );
    return { deleted: id };
  }

  private writer(): ModelRowWriter {
    this.rows ??= new ModelRowWriter(this.ws.db);
    return this.rows;
  }

  /** Refuses covers or an implementing item outside their scopes' checklists, and self-implementation. */
  private checked(assessmentId: string, c: CompensatingControl): CompensatingControl {
    if (!c.description)
      throw new AppError('invalid-input', 'Describe the compensating control: what is in place instead.', {
        field: 'description',
      });
    if (c.covers.length === 0)
      throw new AppError('invalid-input', 'A compensating control covers at least one requirement.', {
        field: 'covers',
      });
    for (const ref of [...c.covers, ...(c.implementedBy ? [c.implementedBy] : [])])
      requireAnswerable(this.index, this.scopes.resolve(assessmentId, ref.scope), ref.requirement);
    const by = c.implementedBy;
    if (
      by &&
      c.covers.some((r) => responseKey(r.scope, r.requirement) === responseKey(by.scope, by.requirement))
    )
      throw new AppError(
        'invalid-input',
        'A compensating control cannot be implemented by a requirement it covers itself: name the control it relies on, e.g. the conduit firewall rule.',
        { field: 'implementedBy' },
      );
    const known = new Set(
      this.ws.db
        .prepare('SELECT sha256 FROM evidence WHERE assessment_id = ? AND removed_at IS NULL')
        .pluck()
        .all(assessmentId) as string[],
    );
    const missing = c.evidence.find((h) => !known.has(h));
    if (missing)
      throw new AppError('not-found', `No evidence ${missing.slice(0, 12)}… in this assessment.`, {
        field: 'evidence',
      });
    return { ...c, evidence: [...new Set(c.evidence)].sort() };
  }
}
