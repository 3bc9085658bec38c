import type { AuditEvent } from '../../../core/audit/auditChain';
import { type Scope, scopeKey } from '../../../core/domain';
import {
  type EvidenceKind,
  type EvidenceLinkRef,
  type EvidenceTarget,
  targetRef,
} from '../../../core/evidenceTargets';
import type { EvidenceItem, EvidenceTargets, ExifPrivacy } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';
import type { EvidenceContext } from './context';
import { hasPrivateExif } from './exif';
import { findingsInScope, listTargets } from './targets';

export interface EvidenceRow {
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  kind: EvidenceKind;
  captured_at: string;
  captured_by: string;
  description: string;
  metadata: string;
  added_at: string;
  removed_at: string | null;
  removed_by: string | null;
  removed_reason: string | null;
}

export interface EvidenceListFilter {
  scope?: Scope;
  kind?: EvidenceKind;
  unlinked?: boolean;
  target?: EvidenceTarget;
  includeRemoved?: boolean;
}

/** Reads evidence rows and their links as the contract's items. */
export class EvidenceRows {
  constructor(private readonly ctx: EvidenceContext) {}

  row(assessmentId: string, sha256: string): EvidenceRow | undefined {
    return this.ctx
      .sql('SELECT * FROM evidence WHERE assessment_id = ? AND sha256 = ?')
      .get(assessmentId, sha256) as EvidenceRow | undefined;
  }

  requireRow(assessmentId: string, sha256: string): EvidenceRow {
    this.ctx.assessments.require(assessmentId);
    const row = this.row(assessmentId, sha256);
    if (!row) throw new AppError('not-found', `No evidence ${sha256.slice(0, 12)}… in this assessment.`);
    return row;
  }

  private toItem(r: EvidenceRow, links: EvidenceLinkRef[]): EvidenceItem {
    const metadata = JSON.parse(r.metadata) as { exif?: ExifPrivacy };
    return {
      sha256: r.sha256,
      fileName: r.file_name,
      mediaType: r.media_type,
      size: r.size,
      kind: r.kind,
      capturedAt: r.captured_at,
      capturedBy: r.captured_by,
      description: r.description,
      addedAt: r.added_at,
      removed: r.removed_at
        ? { at: r.removed_at, by: r.removed_by ?? '', reason: r.removed_reason ?? '' }
        : null,
      links,
      privateExif: hasPrivateExif(metadata.exif),
      stored: this.ctx.blobs.has(r.sha256),
    };
  }

  linksOf(assessmentId: string, sha256?: string): Map<string, EvidenceLinkRef[]> {
    const rows = (
      sha256
        ? this.ctx
            .sql(
              'SELECT sha256, target_kind, target_id FROM evidence_link WHERE assessment_id = ? AND sha256 = ? ORDER BY created_at, target_kind, target_id',
            )
            .all(assessmentId, sha256)
        : this.ctx
            .sql(
              'SELECT sha256, target_kind, target_id FROM evidence_link WHERE assessment_id = ? ORDER BY created_at, target_kind, target_id',
            )
            .all(assessmentId)
    ) as { sha256: string; target_kind: EvidenceLinkRef['kind']; target_id: string }[];
    const out = new Map<string, EvidenceLinkRef[]>();
    for (const r of rows) {
      const list = out.get(r.sha256) ?? [];
      list.push({ kind: r.target_kind, id: r.target_id });
      out.set(r.sha256, list);
    }
    return out;
  }

  get(assessmentId: string, sha256: string): EvidenceItem {
    const row = this.requireRow(assessmentId, sha256);
    return this.toItem(row, this.linksOf(assessmentId, sha256).get(sha256) ?? []);
  }

  list(assessmentId: string, filter: EvidenceListFilter = {}): EvidenceItem[] {
    this.ctx.assessments.require(assessmentId);
    const where = ['assessment_id = ?'];
    const args: string[] = [assessmentId];
    if (!filter.includeRemoved) where.push('removed_at IS NULL');
    if (filter.kind) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    const rows = this.ctx
      .sql(`SELECT * FROM evidence WHERE ${where.join(' AND ')} ORDER BY added_at DESC, rowid DESC`)
      .all(...args) as EvidenceRow[];
    const links = this.linksOf(assessmentId);
    let items = rows.map((r) => this.toItem(r, links.get(r.sha256) ?? []));
    if (filter.unlinked) items = items.filter((i) => i.links.length === 0);
    if (filter.target) {
      const want = targetRef(filter.target);
      items = items.filter((i) => i.links.some((l) => l.kind === want.kind && l.id === want.id));
    }
    if (filter.scope) {
      const key = scopeKey(filter.scope);
      const scope = filter.scope;
      const findings = findingsInScope(this.ctx.ws.db, assessmentId, scope);
      items = items.filter((i) =>
        i.links.some(
          (l) =>
            (l.kind === 'response' && l.id.startsWith(`${key}|`)) ||
            (l.kind === 'asset' && scope.kind === 'asset' && l.id === scope.id) ||
            (l.kind === 'finding' && findings.has(l.id)),
        ),
      );
    }
    return items;
  }

  targets(assessmentId: string): EvidenceTargets {
    this.ctx.assessments.require(assessmentId);
    return listTargets(this.ctx.ws.db, assessmentId);
  }

  /** Everything the trail says about one item: its own events and the links made or undone. */
  history(assessmentId: string, sha256: string): AuditEvent[] {
    this.requireRow(assessmentId, sha256);
    return this.ctx.ws.trail.list(assessmentId).filter((e) => {
      if (e.entity === 'evidence' && e.entityId === sha256) return true;
      const data = e.data;
      return (
        e.action.startsWith('evidence.') &&
        typeof data === 'object' &&
        data !== null &&
        !Array.isArray(data) &&
        data.sha256 === sha256
      );
    });
  }

  exif(assessmentId: string, sha256: string): ExifPrivacy {
    const row = this.requireRow(assessmentId, sha256);
    return (JSON.parse(row.metadata) as { exif?: ExifPrivacy }).exif ?? {};
  }
}
