import type { EvidenceTarget } from '../../../core/evidenceTargets';
import type { AddStatus, EvidenceAddOutcome } from '../../../shared/contract/evidence';
import type { StoredBlob } from './blobStore';
import type { EvidenceContext } from './context';
import type { Described } from './describe';
import type { EvidenceRows } from './evidenceRows';
import type { EvidenceLinks } from './links';

/** Thrown inside a commit when the blob vanished under a concurrent clean-up: the add starts over. */
export class BlobGone extends Error {}

/** A blob ready to be committed as a row. */
export interface Committable {
  blob: StoredBlob;
  described: Described;
}

/** Runs an add once more when its blob was cleaned up under it. */
export async function withRetry<T>(attempt: () => Promise<T>): Promise<T> {
  try {
    return await attempt();
  } catch (err) {
    if (!(err instanceof BlobGone)) throw err;
    return attempt();
  }
}

/** Writes the rows of durable blobs: added, restored or duplicate, with the audit event and link. */
export class EvidenceCommits {
  constructor(
    private readonly ctx: EvidenceContext,
    private readonly rows: EvidenceRows,
    private readonly links: EvidenceLinks,
  ) {}

  /** Inserts (or restores) the row and the optional link in one durable transaction. */
  commit(assessmentId: string, staged: Committable, target?: EvidenceTarget): EvidenceAddOutcome {
    // IMMEDIATE: take the write lock before checking the blob, so a concurrent clean-up cannot
    // delete it between the check and the commit.
    const status = this.ctx.ws.write(() => this.commitOne(assessmentId, staged, target));
    return { status, item: this.rows.get(assessmentId, staged.blob.sha256) };
  }

  /** Commits many durable files in one transaction; a file whose blob vanished gets null. */
  commitGroup(assessmentId: string, group: Committable[], target?: EvidenceTarget): (AddStatus | null)[] {
    if (group.length === 0) return [];
    const db = this.ctx.ws.db;
    const one = db.transaction((c: Committable) => this.commitOne(assessmentId, c, target));
    return this.ctx.ws.write(() =>
      group.map((c) => {
        try {
          return one(c); // a savepoint each, so one vanished blob spoils nothing else
        } catch (err) {
          if (!(err instanceof BlobGone)) throw err;
          return null;
        }
      }),
    );
  }

  private commitOne(
    assessmentId: string,
    { blob, described: d }: Committable,
    target?: EvidenceTarget,
  ): AddStatus {
    const { ws, sql } = this.ctx;
    const existing = this.rows.row(assessmentId, blob.sha256);
    let status: AddStatus = 'duplicate';
    if (!existing) {
      ws.change(
        assessmentId,
        {
          action: 'evidence.added',
          entity: 'evidence',
          entityId: blob.sha256,
          data: {
            fileName: d.fileName,
            mediaType: d.mediaType,
            size: blob.size,
            kind: d.kind,
            capturedAt: d.capturedAt,
            description: d.description,
          },
        },
        (at) => {
          sql(
            `INSERT INTO evidence (assessment_id, sha256, file_name, media_type, size, kind, captured_at,
               captured_by, description, metadata, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          ).run(
            assessmentId,
            blob.sha256,
            d.fileName,
            d.mediaType,
            blob.size,
            d.kind,
            d.capturedAt,
            ws.actor(),
            d.description,
            JSON.stringify(d.metadata),
            at,
          );
          this.assertBlob(blob.sha256);
        },
      );
      status = 'added';
    } else if (existing.removed_at) {
      ws.change(
        assessmentId,
        {
          action: 'evidence.restored',
          entity: 'evidence',
          entityId: blob.sha256,
          data: { fileName: existing.file_name, removedAt: existing.removed_at },
        },
        () => {
          sql(
            'UPDATE evidence SET removed_at = NULL, removed_by = NULL, removed_reason = NULL WHERE assessment_id = ? AND sha256 = ?',
          ).run(assessmentId, blob.sha256);
          this.assertBlob(blob.sha256);
        },
      );
      status = 'restored';
    }
    if (existing) this.learnFromBytes(assessmentId, existing.metadata, blob.sha256, d);
    if (target) this.links.linkInTx(assessmentId, blob.sha256, target);
    return status;
  }

  /**
   * A row imported from JSON or a package holds only what the document said (no EXIF, perhaps
   * another media type). When the file itself is added, what its bytes say replaces that, so
   * privacy decisions see the GPS and serial numbers it carries.
   */
  private learnFromBytes(assessmentId: string, metadata: string, sha256: string, d: Described): void {
    const known = JSON.parse(metadata) as { capturedAtFrom?: string; originalFileName?: string };
    if (known.capturedAtFrom !== undefined) return;
    const { originalFileName: _ignored, ...fromBytes } = d.metadata;
    const merged = {
      ...fromBytes,
      ...(known.originalFileName !== undefined ? { originalFileName: known.originalFileName } : {}),
    };
    this.ctx
      .sql('UPDATE evidence SET media_type = ?, metadata = ? WHERE assessment_id = ? AND sha256 = ?')
      .run(d.mediaType, JSON.stringify(merged), assessmentId, sha256);
  }

  private assertBlob(sha256: string): void {
    if (!this.ctx.blobs.has(sha256)) throw new BlobGone(sha256);
  }
}
