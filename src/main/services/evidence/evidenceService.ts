import type { Readable } from 'node:stream';
import type { AuditEvent } from '../../../core/audit/auditChain';
import type { EvidenceTarget } from '../../../core/evidenceTargets';
import type {
  EvidenceAddOutcome,
  EvidenceBatchLine,
  EvidenceItem,
  EvidenceTargets,
  ExifPrivacy,
} from '../../../shared/contract/evidence';
import type { Workspace } from '../../workspace';
import type { AssessmentService } from '../assessments';
import { BlobStore, type OpenTemp } from './blobStore';
import { type CaptureMeta, EvidenceCapture } from './capture';
import { EvidenceCommits } from './commit';
import { type EvidenceContext, statementCache } from './context';
import { type EvidenceListFilter, EvidenceRows } from './evidenceRows';
import { collectGarbage, sweep } from './housekeeping';
import { EvidenceLinks } from './links';
import { type CopyData, copyData } from './sources';
import { EvidenceViewing } from './viewing';

export type { CaptureMeta } from './capture';
export { MAX_FOLDER_FILES } from './capture';

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 ** 3;
const MAX_SETTING = 'evidence.maxFileBytes';

export interface EvidenceOptions {
  /** Largest file accepted; else the workspace setting evidence.maxFileBytes, else 4 GiB. */
  maxFileBytes?: number;
  /** Test seams for faults: the temp file writer and the source reader. */
  openTemp?: OpenTemp;
  copyData?: CopyData;
}

/**
 * Evidence of one workspace: files in the content-addressed BlobStore, a row per assessment in
 * `evidence`, links in `evidence_link`, every change an audit event. Rows are written only after
 * the file is durable, so a row never points at a file that is not there. The work is done by one
 * part per concern (capture, commit, rows, links, viewing, housekeeping); this is their front.
 */
export class EvidenceService {
  readonly blobs: BlobStore;
  private readonly ctx: EvidenceContext;
  private readonly rows: EvidenceRows;
  private readonly links: EvidenceLinks;
  private readonly capture: EvidenceCapture;
  private readonly viewing: EvidenceViewing;

  constructor(
    private readonly ws: Workspace,
    assessments: AssessmentService,
    private readonly opts: EvidenceOptions = {},
  ) {
    this.blobs = new BlobStore(ws.evidenceDir, opts.openTemp);
    this.ctx = { ws, assessments, blobs: this.blobs, sql: statementCache(ws.db) };
    this.rows = new EvidenceRows(this.ctx);
    this.links = new EvidenceLinks(this.ctx, this.rows);
    const commits = new EvidenceCommits(this.ctx, this.rows, this.links);
    this.capture = new EvidenceCapture(this.ctx, commits, opts.copyData ?? copyData, () => this.maxFileBytes);
    this.viewing = new EvidenceViewing(this.ctx, this.rows);
  }

  get maxFileBytes(): number {
    if (this.opts.maxFileBytes !== undefined) return this.opts.maxFileBytes;
    const setting = Number(this.ws.setting(MAX_SETTING));
    return Number.isSafeInteger(setting) && setting > 0 ? setting : DEFAULT_MAX_FILE_BYTES;
  }

  // ---- capture

  addFile(
    assessmentId: string,
    file: string,
    meta?: CaptureMeta,
    relative?: string,
  ): Promise<EvidenceAddOutcome> {
    return this.capture.addFile(assessmentId, file, meta, relative);
  }

  addPaths(assessmentId: string, files: string[], meta?: CaptureMeta): Promise<EvidenceBatchLine[]> {
    return this.capture.addPaths(assessmentId, files, meta);
  }

  addFolder(assessmentId: string, dir: string, meta?: CaptureMeta): Promise<EvidenceBatchLine[]> {
    return this.capture.addFolder(assessmentId, dir, meta);
  }

  addBytes(
    assessmentId: string,
    input: { fileName: string; bytes: Uint8Array; lastModified?: number } & CaptureMeta,
  ): Promise<EvidenceAddOutcome> {
    return this.capture.addBytes(assessmentId, input);
  }

  addNote(
    assessmentId: string,
    input: { text: string; title?: string; target?: EvidenceTarget },
  ): Promise<EvidenceAddOutcome> {
    return this.capture.addNote(assessmentId, input);
  }

  // ---- reading

  get(assessmentId: string, sha256: string): EvidenceItem {
    return this.rows.get(assessmentId, sha256);
  }

  list(assessmentId: string, filter?: EvidenceListFilter): EvidenceItem[] {
    return this.rows.list(assessmentId, filter);
  }

  targets(assessmentId: string): EvidenceTargets {
    return this.rows.targets(assessmentId);
  }

  history(assessmentId: string, sha256: string): AuditEvent[] {
    return this.rows.history(assessmentId, sha256);
  }

  exif(assessmentId: string, sha256: string): ExifPrivacy {
    return this.rows.exif(assessmentId, sha256);
  }

  // ---- links and removal

  link(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    return this.links.link(assessmentId, sha256, target);
  }

  unlink(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    return this.links.unlink(assessmentId, sha256, target);
  }

  remove(assessmentId: string, sha256: string, reason: string): EvidenceItem {
    return this.links.remove(assessmentId, sha256, reason);
  }

  // ---- files

  thumbnail(sha256: string): Promise<Buffer | null> {
    return this.viewing.thumbnail(sha256);
  }

  openStream(sha256: string): Readable {
    return this.viewing.openStream(sha256);
  }

  exportCopyStream(
    sha256: string,
    opts: { stripPrivateExif: boolean },
  ): { stream: Readable; mediaType: string; stripped: boolean } {
    return this.viewing.exportCopyStream(sha256, opts);
  }

  prepareOpenCopy(assessmentId: string, sha256: string): Promise<string> {
    return this.viewing.prepareOpenCopy(assessmentId, sha256);
  }

  // ---- housekeeping

  collectGarbage(opts: { wait?: boolean } = {}): number {
    return collectGarbage(this.ctx, opts);
  }

  sweep(): void {
    sweep(this.ctx);
  }
}
