import path from 'node:path';
import type { Readable } from 'node:stream';
import type { InterchangeDocument } from '../../../core/interchange/document';
import { type MergePlan, planMerge, type Resolution, resolveMerge } from '../../../core/merge/planMerge';
import type {
  MergePreview,
  MergeResult,
  PackageImportInfo,
  ReviewResult,
} from '../../../shared/contract/imports';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../../workspace';
import type { AssessmentService } from '../assessments';
import type { AssetService } from '../assets';
import type { InterchangeService } from '../interchange';
import type { SigningService } from '../signing/signingService';
import { mergeSummary } from './mergeSummary';
import { writeMerge } from './mergeWriter';
import { checkHash, eachEntry, openVerifiedPackage, type VerifiedPackage } from './packageReader';
import { trustResolver } from './trust';

/** Where imported evidence files go: the workspace's content-addressed store. */
export interface EvidenceSink {
  put(source: Readable, what: string): Promise<{ sha256: string; size: number }>;
}

interface ImportRow {
  assessment_id: string;
  tag_manifest_sha256: string;
  kind: 'review' | 'merge';
  package_name: string;
  signer_fingerprint: string;
  signer_trusted: number;
  source_assessment: string;
  redaction: string;
  imported_at: string;
  imported_by: string;
}

const READ_ONLY =
  'This assessment is a read-only review copy of a signed package; it cannot be edited. Merge the package into an assessment of your own to work on it.';

/**
 * Opens verified packages: as a read-only review copy, or merged into an assessment after the user
 * decided every conflict. The package's own audit trail is kept beside the assessment's, and the
 * merge is itself an audit event naming the package's tag manifest hash and signer.
 */
export class PackageImportService {
  constructor(
    private readonly ws: Workspace,
    private readonly signing: SigningService,
    private readonly interchange: InterchangeService,
    private readonly assessments: AssessmentService,
    private readonly assets: AssetService,
    private readonly evidence: EvidenceSink,
  ) {
    ws.addChangeGuard((assessmentId, entry) => {
      if (entry.action !== 'assessment.deleted' && this.isReviewCopy(assessmentId)) {
        throw new AppError('conflict', READ_ONLY);
      }
    });
  }

  isReviewCopy(assessmentId: string): boolean {
    return !!this.ws.db
      .prepare("SELECT 1 FROM package_import WHERE assessment_id = ? AND kind = 'review'")
      .get(assessmentId);
  }

  info(assessmentId: string): PackageImportInfo[] {
    const rows = this.ws.db
      .prepare('SELECT * FROM package_import WHERE assessment_id = ? ORDER BY imported_at')
      .all(assessmentId) as ImportRow[];
    return rows.map((r) => ({
      kind: r.kind,
      packageName: r.package_name,
      tagManifestSha256: r.tag_manifest_sha256,
      signerFingerprint: r.signer_fingerprint,
      signerTrusted: r.signer_trusted === 1,
      signerName: this.signing.trustOf(r.signer_fingerprint).trusted
        ? (this.signing.trustOf(r.signer_fingerprint) as { name: string }).name
        : undefined,
      sourceAssessment: r.source_assessment,
      redaction: r.redaction,
      importedAt: r.imported_at,
      importedBy: r.imported_by,
    }));
  }

  private open(file: string): Promise<VerifiedPackage> {
    return openVerifiedPackage(path.resolve(file), trustResolver(this.signing));
  }

  private parse(pkg: VerifiedPackage): InterchangeDocument {
    return this.interchange.parse(pkg.assessmentJson, `The package's assessment.json`);
  }

  /**
   * Copies the package's evidence files into the store, each checked against the verified manifest.
   * A privacy-stripped copy (its bytes differ from the original the folder is named after) is not
   * stored under the original's name; it is reported as skipped.
   */
  private async storeEvidence(pkg: VerifiedPackage, only?: ReadonlySet<string>): Promise<string[]> {
    const wanted = pkg.evidence.filter((e) => !only || only.has(e.folderSha256));
    const hashes = new Map(wanted.map((e) => [e.path, e.manifestSha256]));
    const skipped: string[] = [];
    await eachEntry(pkg.file, pkg.bagName, [...hashes.keys()], async (p, stream) => {
      const stored = await this.evidence.put(stream, p);
      checkHash(p, stored.sha256, hashes);
      if (stored.sha256 !== p.split('/')[2]) skipped.push(p);
    });
    return skipped;
  }

  private record(
    pkg: VerifiedPackage,
    assessmentId: string,
    kind: 'review' | 'merge',
    source: string,
    at: string,
  ) {
    this.ws.db
      .prepare(
        `INSERT INTO package_import (assessment_id, tag_manifest_sha256, kind, package_name, signer_fingerprint,
           signer_trusted, source_assessment, redaction, trail, imported_at, imported_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        assessmentId,
        pkg.tagManifestSha256,
        kind,
        path.basename(pkg.file),
        pkg.signerFingerprint,
        pkg.signerTrusted ? 1 : 0,
        source,
        pkg.redaction,
        pkg.trailJsonl,
        at,
        this.ws.actor(),
      );
  }

  /** Imports a verified package as a new, read-only assessment. */
  async review(file: string): Promise<ReviewResult> {
    const pkg = await this.open(file);
    const doc = this.parse(pkg);
    const skipped = await this.storeEvidence(pkg);
    const imported = this.ws.write(() => {
      const r = this.interchange.import(pkg.assessmentJson, {
        asCopy: true,
        source: path.basename(pkg.file),
      });
      this.record(pkg, r.id, 'review', doc.assessment.id, this.ws.now());
      return r;
    });
    return {
      assessmentId: imported.id,
      title: imported.title,
      signerFingerprint: pkg.signerFingerprint,
      signerTrusted: pkg.signerTrusted,
      redaction: pkg.redaction,
      evidenceFiles: pkg.evidence.length - skipped.length,
      skippedEvidence: skipped,
    };
  }

  private async plan(
    file: string,
    assessmentId: string,
  ): Promise<{ pkg: VerifiedPackage; plan: MergePlan; theirs: InterchangeDocument }> {
    this.assessments.require(assessmentId);
    if (this.isReviewCopy(assessmentId)) throw new AppError('conflict', READ_ONLY);
    const pkg = await this.open(file);
    if (pkg.redaction !== 'none') {
      throw new AppError(
        'invalid-input',
        `This package is redacted (${pkg.redaction}), so it does not hold the whole assessment; open it for review instead of merging it.`,
      );
    }
    const theirs = this.parse(pkg);
    const mine = this.interchange.exportDocument(assessmentId);
    return { pkg, theirs, plan: planMerge(mine, theirs) };
  }

  /** What a merge would add and which items both sides hold differently; writes nothing. */
  async mergePreview(file: string, assessmentId: string): Promise<MergePreview> {
    const { pkg, plan, theirs } = await this.plan(file, assessmentId);
    return {
      packageName: path.basename(pkg.file),
      tagManifestSha256: pkg.tagManifestSha256,
      signerFingerprint: pkg.signerFingerprint,
      signerTrusted: pkg.signerTrusted,
      sourceAssessment: { id: theirs.assessment.id, title: theirs.assessment.title },
      sameAssessment: theirs.assessment.id === assessmentId,
      adds: mergeSummary(plan.add),
      same: plan.same,
      conflicts: plan.conflicts,
    };
  }

  /**
   * Merges after the user decided every conflict. The package is verified again and must be the one
   * previewed; nothing is written unless every conflict has a decision.
   */
  async mergeApply(
    file: string,
    assessmentId: string,
    tagManifestSha256: string,
    decisions: Readonly<Record<string, Resolution>>,
  ): Promise<MergeResult> {
    const { pkg, plan, theirs } = await this.plan(file, assessmentId);
    if (pkg.tagManifestSha256 !== tagManifestSha256) {
      throw new AppError(
        'conflict',
        'The package file changed since the merge was previewed. Preview it again.',
      );
    }
    let resolved: ReturnType<typeof resolveMerge>;
    try {
      resolved = resolveMerge(plan, decisions);
    } catch (err) {
      throw new AppError('invalid-input', `Nothing was merged: ${(err as Error).message}`);
    }
    const skipped = await this.storeEvidence(pkg, new Set(resolved.add.evidence.map((e) => e.sha256)));
    if (skipped.length)
      throw new AppError(
        'invalid-file',
        `${skipped[0]} is not the file its folder names. Nothing was merged.`,
      );
    const before = this.ws.db
      .prepare(
        'SELECT imported_at, imported_by FROM package_import WHERE assessment_id = ? AND tag_manifest_sha256 = ?',
      )
      .get(assessmentId, pkg.tagManifestSha256) as { imported_at: string; imported_by: string } | undefined;
    if (before) {
      throw new AppError(
        'conflict',
        `This package was already merged into this assessment (${before.imported_at} by ${before.imported_by}), so nothing was changed.`,
      );
    }
    const added = mergeSummary(resolved.add);
    this.ws.change(
      assessmentId,
      {
        action: 'package.merged',
        entity: 'assessment',
        entityId: assessmentId,
        data: {
          package: path.basename(pkg.file),
          tagManifestSha256: pkg.tagManifestSha256,
          signer: pkg.signerFingerprint,
          signerTrusted: pkg.signerTrusted,
          sourceAssessment: theirs.assessment.id,
          added: { ...added },
          kept: resolved.kept,
          taken: resolved.taken,
          decisions: plan.conflicts.map((c) => ({ item: c.key, decision: decisions[c.key] })),
          importedTrail: { events: pkg.trail.length, head: pkg.trail.at(-1)?.hash ?? null },
        },
      },
      (at) => {
        writeMerge(this.ws.db, this.assets, assessmentId, resolved, at);
        this.record(pkg, assessmentId, 'merge', theirs.assessment.id, at);
      },
    );
    return { assessmentId, added, kept: resolved.kept, taken: resolved.taken, same: plan.same };
  }
}
