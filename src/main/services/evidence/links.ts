import type { JsonValue } from '../../../core/canonicalJson';
import { type EvidenceTarget, targetRef } from '../../../core/evidenceTargets';
import type { EvidenceItem } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';
import type { EvidenceContext } from './context';
import type { EvidenceRows } from './evidenceRows';
import { assertTarget } from './targets';

/** Links between evidence and answers, findings and assets, and removal; each change an audit event. */
export class EvidenceLinks {
  constructor(
    private readonly ctx: EvidenceContext,
    private readonly rows: EvidenceRows,
  ) {}

  private isLinked(assessmentId: string, sha256: string, ref: ReturnType<typeof targetRef>): boolean {
    return !!this.ctx
      .sql(
        'SELECT 1 FROM evidence_link WHERE assessment_id = ? AND sha256 = ? AND target_kind = ? AND target_id = ?',
      )
      .get(assessmentId, sha256, ref.kind, ref.id);
  }

  /** Links inside the caller's transaction; false when the link was already there. */
  linkInTx(assessmentId: string, sha256: string, target: EvidenceTarget): boolean {
    const ref = targetRef(target);
    if (this.isLinked(assessmentId, sha256, ref)) return false;
    const row = this.rows.row(assessmentId, sha256)!;
    this.ctx.ws.change(
      assessmentId,
      {
        action: 'evidence.linked',
        entity: ref.kind,
        entityId: ref.id,
        data: { sha256, fileName: row.file_name },
      },
      (at) => {
        this.ctx
          .sql(
            'INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(assessmentId, sha256, ref.kind, ref.id, at);
      },
    );
    return true;
  }

  link(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    this.ctx.ws.write(() => {
      const row = this.rows.requireRow(assessmentId, sha256);
      if (row.removed_at) {
        throw new AppError('conflict', `${row.file_name} was removed; add it again before linking it.`);
      }
      assertTarget(this.ctx.ws.db, assessmentId, target);
      this.linkInTx(assessmentId, sha256, target);
    });
    return this.rows.get(assessmentId, sha256);
  }

  unlink(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    return this.ctx.ws.write(() => {
      const row = this.rows.requireRow(assessmentId, sha256);
      const ref = targetRef(target);
      if (this.isLinked(assessmentId, sha256, ref)) {
        this.ctx.ws.change(
          assessmentId,
          {
            action: 'evidence.unlinked',
            entity: ref.kind,
            entityId: ref.id,
            data: { sha256, fileName: row.file_name },
          },
          () => {
            this.ctx
              .sql(
                'DELETE FROM evidence_link WHERE assessment_id = ? AND sha256 = ? AND target_kind = ? AND target_id = ?',
              )
              .run(assessmentId, sha256, ref.kind, ref.id);
          },
        );
      }
      return this.rows.get(assessmentId, sha256);
    });
  }

  /**
   * Marks the item removed and drops its links, recording who, when and why. The file stays in the
   * store (the audit trail still names its hash) until the assessment itself is deleted.
   */
  remove(assessmentId: string, sha256: string, reason: string): EvidenceItem {
    return this.ctx.ws.write(() => {
      const row = this.rows.requireRow(assessmentId, sha256);
      if (row.removed_at) return this.rows.get(assessmentId, sha256);
      const links = this.rows.linksOf(assessmentId, sha256).get(sha256) ?? [];
      this.ctx.ws.change(
        assessmentId,
        {
          action: 'evidence.removed',
          entity: 'evidence',
          entityId: sha256,
          data: { fileName: row.file_name, reason: reason.trim(), links: links as unknown as JsonValue },
        },
        (at) => {
          this.ctx
            .sql(
              'UPDATE evidence SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE assessment_id = ? AND sha256 = ?',
            )
            .run(at, this.ctx.ws.actor(), reason.trim(), assessmentId, sha256);
          this.ctx
            .sql('DELETE FROM evidence_link WHERE assessment_id = ? AND sha256 = ?')
            .run(assessmentId, sha256);
        },
      );
      return this.rows.get(assessmentId, sha256);
    });
  }
}
