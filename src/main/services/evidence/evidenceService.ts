import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import type Database from 'better-sqlite3';
import type { AuditEvent } from '../../../core/audit/auditChain';
import type { JsonValue } from '../../../core/canonicalJson';
import { type Scope, scopeKey } from '../../../core/domain';
import {
  type EvidenceKind,
  type EvidenceLinkRef,
  type EvidenceTarget,
  targetRef,
} from '../../../core/evidenceTargets';
import type {
  AddStatus,
  EvidenceAddOutcome,
  EvidenceBatchLine,
  EvidenceItem,
  EvidenceTargets,
  ExifPrivacy,
} from '../../../shared/contract/evidence';
import { MAX_WINDOW_BYTES } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../../workspace';
import type { AssessmentService } from '../assessments';
import { BlobStore, type OpenTemp, type PendingBlob, type StoredBlob } from './blobStore';
import { hasPrivateExif, readExif } from './exif';
import { hasRunnableExtension, isImage, mayCarryExif, OPENABLE, sniffMediaType } from './mediaType';
import { privacyStripFor } from './privacy';
import {
  bufferChunks,
  type CopyData,
  copyData,
  formatBytes,
  openFileSource,
  tooLarge,
  walkFolder,
} from './sources';
import { assertTarget, findingsInScope, listTargets } from './targets';
import { makeThumbnail } from './thumbnails';

export const DEFAULT_MAX_FILE_BYTES = 4 * 1024 ** 3;
export const MAX_FOLDER_FILES = 20_000;
const MAX_SETTING = 'evidence.maxFileBytes';

export interface EvidenceOptions {
  /** Largest file accepted; else the workspace setting evidence.maxFileBytes, else 4 GiB. */
  maxFileBytes?: number;
  /** Test seams for faults: the temp file writer and the source reader. */
  openTemp?: OpenTemp;
  copyData?: CopyData;
}

export interface CaptureMeta {
  kind?: EvidenceKind;
  description?: string;
  target?: EvidenceTarget;
}

interface EvidenceRow {
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

interface Described {
  fileName: string;
  mediaType: string;
  kind: EvidenceKind;
  capturedAt: string;
  description: string;
  metadata: {
    exif?: ExifPrivacy;
    exifUnreadable?: boolean;
    capturedAtFrom: string;
    source: string;
    relativePath?: string;
  };
}

/** Thrown inside a commit when the blob vanished under a concurrent clean-up: the add starts over. */
class BlobGone extends Error {}

/** A blob ready to be committed as a row. */
interface Committable {
  blob: StoredBlob;
  described: Described;
}

/** A file copied into a temp file, not yet durable. */
interface Copied {
  pending: PendingBlob;
  mtimeMs: number;
}

function rethrowUnlessAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  throw err;
}

/** Files copied at once by a batch add, and files committed per transaction. */
const COPY_PARALLEL = 8;
const COMMIT_GROUP = 32;

/**
 * Runs `fn` over `items` with at most `limit` at a time, never more than `ahead` items past the
 * first one not yet consumed; returns one promise per item, in order. The consumer calls
 * `consumed(n)` as it takes results, which lets the lanes run further.
 */
function pipeline<T, R>(
  items: T[],
  limit: number,
  ahead: number,
  fn: (item: T) => Promise<R>,
): { results: Promise<R>[]; consumed: (n: number) => void; stop: () => void } {
  const settle: ((r: Promise<R>) => void)[] = [];
  const results = items.map(() => new Promise<R>((resolve) => settle.push(resolve)));
  // A failure is seen by whoever awaits that result; the rest may never be awaited after a stop.
  for (const r of results) r.catch(() => {});
  let next = 0;
  let taken = 0;
  let wake: (() => void)[] = [];
  const lane = async () => {
    while (next < items.length) {
      if (next >= taken + ahead) {
        await new Promise<void>((r) => wake.push(r));
        continue;
      }
      const i = next++;
      const r = fn(items[i]);
      settle[i](r);
      await r.catch(() => {});
    }
  };
  for (let l = 0; l < Math.min(limit, items.length); l++) void lane();
  return {
    results,
    consumed(n) {
      taken = n;
      const w = wake;
      wake = [];
      for (const f of w) f();
    },
    stop() {
      next = items.length;
      this.consumed(items.length);
    },
  };
}

function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  const clean = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255);
  return clean || 'unnamed';
}

/**
 * Evidence of one workspace: files in the content-addressed BlobStore, a row per assessment in
 * `evidence`, links in `evidence_link`, every change an audit event. Rows are written only after
 * the file is durable, so a row never points at a file that is not there.
 */
export class EvidenceService {
  readonly blobs: BlobStore;
  private readonly copyData: CopyData;
  private readonly thumbsInFlight = new Map<string, Promise<Buffer | null>>();

  constructor(
    private readonly ws: Workspace,
    private readonly assessments: AssessmentService,
    private readonly opts: EvidenceOptions = {},
  ) {
    this.blobs = new BlobStore(ws.evidenceDir, opts.openTemp);
    this.copyData = opts.copyData ?? copyData;
  }

  private readonly statements = new Map<string, Database.Statement>();

  /** Prepared once per text: a batch of a thousand files runs the same few statements. */
  private sql(text: string): Database.Statement {
    let st = this.statements.get(text);
    if (!st) {
      st = this.ws.db.prepare(text);
      this.statements.set(text, st);
    }
    return st;
  }

  get maxFileBytes(): number {
    if (this.opts.maxFileBytes !== undefined) return this.opts.maxFileBytes;
    const setting = Number(this.ws.setting(MAX_SETTING));
    return Number.isSafeInteger(setting) && setting > 0 ? setting : DEFAULT_MAX_FILE_BYTES;
  }

  // ---- capture -------------------------------------------------------------------------------

  /** Adds one file from disk, streamed. */
  async addFile(
    assessmentId: string,
    file: string,
    meta: CaptureMeta = {},
    relative?: string,
  ): Promise<EvidenceAddOutcome> {
    this.precheck(assessmentId, meta.target);
    return this.withRetry(async () => {
      const { pending, mtimeMs } = await this.copyFile({ path: file, relative });
      const blob = await pending.finish();
      const described = await this.describeFile(blob, { path: file, relative }, meta, mtimeMs);
      return this.commit(assessmentId, { blob, described }, meta.target);
    });
  }

  /** Adds many files; every path gets a line, and one failure does not stop the others. */
  async addPaths(
    assessmentId: string,
    files: string[],
    meta: CaptureMeta = {},
  ): Promise<EvidenceBatchLine[]> {
    this.precheck(assessmentId, meta.target);
    return this.addMany(
      assessmentId,
      files.map((f) => ({ path: f, name: f })),
      meta,
    );
  }

  /** Adds every regular file below a folder (a camera card); links and other entries are listed as skipped. */
  async addFolder(assessmentId: string, dir: string, meta: CaptureMeta = {}): Promise<EvidenceBatchLine[]> {
    this.precheck(assessmentId, meta.target);
    const entries = walkFolder(dir, MAX_FOLDER_FILES);
    const lines = await this.addMany(
      assessmentId,
      entries.filter((e) => !e.skip).map((e) => ({ path: e.path, name: e.relative, relative: e.relative })),
      meta,
    );
    const byName = new Map(lines.map((l) => [l.name, l]));
    return entries.map(
      (e) =>
        byName.get(e.relative) ?? {
          name: e.relative,
          status: 'skipped',
          message: `${e.relative} is ${e.skip}.`,
        },
    );
  }

  /**
   * A pipeline: lanes copy, hash and fsync files one after another (the thread pool copies and
   * syncs, a worker hashes), while this thread commits the files that are durable, in order and a
   * group per transaction with an audit event per file. A batch of small files is then bound
   * neither by one journal commit nor by one database fsync per file, and no stage waits for
   * another to drain.
   */
  private async addMany(
    assessmentId: string,
    sources: { path: string; name: string; relative?: string }[],
    meta: CaptureMeta,
  ): Promise<EvidenceBatchLine[]> {
    const lanes = pipeline(sources, COPY_PARALLEL, 2 * COMMIT_GROUP, async (src) => {
      try {
        const c = await this.copyFile(src);
        return { blob: await c.pending.finish(false), mtimeMs: c.mtimeMs };
      } catch (err) {
        return rethrowUnlessAppError(err);
      }
    });
    try {
      return await this.commitInOrder(assessmentId, sources, meta, lanes);
    } finally {
      lanes.stop();
    }
  }

  private async commitInOrder(
    assessmentId: string,
    sources: { path: string; name: string; relative?: string }[],
    meta: CaptureMeta,
    lanes: {
      results: Promise<AppError | { blob: StoredBlob; mtimeMs: number }>[];
      consumed: (n: number) => void;
    },
  ): Promise<EvidenceBatchLine[]> {
    const lines: EvidenceBatchLine[] = [];
    for (let start = 0; start < sources.length; start += COMMIT_GROUP) {
      const group = sources.slice(start, start + COMMIT_GROUP);
      const durable = await Promise.all(lanes.results.slice(start, start + COMMIT_GROUP));
      lanes.consumed(start + group.length);
      await this.blobs.syncDirs(durable.flatMap((d) => (d instanceof AppError ? [] : [d.blob.sha256])));
      // Describe (media type, EXIF) and commit the group in one transaction.
      const ready: Committable[] = [];
      const readyIndex = new Map<number, number>();
      for (const [i, d] of durable.entries()) {
        if (d instanceof AppError) continue;
        readyIndex.set(i, ready.length);
        ready.push({ blob: d.blob, described: await this.describeFile(d.blob, group[i], meta, d.mtimeMs) });
      }
      const statuses = this.commitGroup(assessmentId, ready, meta.target);
      for (const [i, src] of group.entries()) {
        const d = durable[i];
        if (d instanceof AppError) {
          lines.push({ name: src.name, status: 'failed', message: d.message });
          continue;
        }
        const status = statuses[readyIndex.get(i) ?? -1];
        if (status) lines.push({ name: src.name, status, sha256: d.blob.sha256 });
        // The blob was cleaned up under us (a concurrent assessment deletion): copy it again.
        else
          lines.push(
            await this.batchLine(src.name, () => this.addFile(assessmentId, src.path, meta, src.relative)),
          );
      }
    }
    return lines;
  }

  /** Copies one file into a temp file and hashes it (not yet durable). */
  private async copyFile(src: { path: string; relative?: string }): Promise<Copied> {
    const name = src.relative ?? path.basename(src.path);
    const limit = this.maxFileBytes;
    const source = await openFileSource(src.path, limit, this.copyData, name);
    try {
      const pending = await this.blobs.copyIn((tmp) => source.copyTo(tmp), {
        limit,
        tooLarge: () => tooLarge(name, null, limit),
        what: name,
      });
      return { pending, mtimeMs: source.mtimeMs };
    } finally {
      await source.close();
    }
  }

  private describeFile(
    blob: StoredBlob,
    src: { path: string; relative?: string },
    meta: CaptureMeta,
    mtimeMs?: number,
  ): Promise<Described> {
    return this.describe(blob, {
      fileName: path.basename(src.path),
      kind: meta.kind ?? 'file',
      description: meta.description ?? '',
      fallbackTime: new Date(
        mtimeMs ?? fs.statSync(src.path, { throwIfNoEntry: false })?.mtimeMs ?? Date.now(),
      ).toISOString(),
      fallbackFrom: 'file',
      source: src.relative ? 'folder' : 'file',
      relativePath: src.relative,
    });
  }

  /** Adds bytes the window sent (paste, camera, drop, file input). */
  async addBytes(
    assessmentId: string,
    input: { fileName: string; bytes: Uint8Array; lastModified?: number } & CaptureMeta,
  ): Promise<EvidenceAddOutcome> {
    this.precheck(assessmentId, input.target);
    const name = safeFileName(input.fileName);
    const limit = Math.min(this.maxFileBytes, MAX_WINDOW_BYTES);
    if (input.bytes.length === 0) {
      throw new AppError('invalid-file', `${name} is empty (0 bytes); there is nothing to keep as evidence.`);
    }
    if (input.bytes.length > limit) {
      throw new AppError(
        'too-large',
        limit < this.maxFileBytes
          ? `${name} is ${formatBytes(input.bytes.length)}; files above ${formatBytes(limit)} must be added from disk ("Add large files…" or the command line).`
          : `${name} is ${formatBytes(input.bytes.length)}, above the evidence limit of ${formatBytes(limit)}.`,
      );
    }
    return this.withRetry(async () => {
      const blob = await this.blobs.put(bufferChunks(input.bytes), {
        limit,
        tooLarge: () => tooLarge(name, input.bytes.length, limit),
        what: name,
      });
      const described = await this.describe(blob, {
        fileName: name,
        kind: input.kind ?? 'file',
        description: input.description ?? '',
        fallbackTime: input.lastModified ? new Date(input.lastModified).toISOString() : this.ws.now(),
        fallbackFrom: input.lastModified ? 'file' : 'added',
        source: 'window',
      });
      return this.commit(assessmentId, { blob, described }, input.target);
    });
  }

  /** A typed note, kept as a UTF-8 text file like any other evidence. */
  async addNote(
    assessmentId: string,
    input: { text: string; title?: string; target?: EvidenceTarget },
  ): Promise<EvidenceAddOutcome> {
    const stamp = this.ws.now().replace(/[:.]/g, '-');
    const title = input.title?.trim() ?? '';
    const fileName = `${title ? safeFileName(title).replace(/\.txt$/i, '') : `note-${stamp}`}.txt`;
    const text = input.text.endsWith('\n') ? input.text : `${input.text}\n`;
    return this.addBytes(assessmentId, {
      fileName,
      bytes: Buffer.from(text, 'utf8'),
      kind: 'note',
      description: title,
      target: input.target,
    });
  }

  private precheck(assessmentId: string, target?: EvidenceTarget): void {
    this.assessments.require(assessmentId);
    if (target) assertTarget(this.ws.db, assessmentId, target);
  }

  private async batchLine(name: string, add: () => Promise<EvidenceAddOutcome>): Promise<EvidenceBatchLine> {
    try {
      const { status, item } = await add();
      return { name, status, sha256: item.sha256 };
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      return { name, status: 'failed', message: err.message };
    }
  }

  private async withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof BlobGone)) throw err;
      return attempt();
    }
  }

  private async describe(
    blob: StoredBlob,
    d: {
      fileName: string;
      kind: EvidenceKind;
      description: string;
      fallbackTime: string;
      fallbackFrom: string;
      source: string;
      relativePath?: string;
    },
  ): Promise<Described> {
    const mediaType = sniffMediaType(blob.head);
    const read = mayCarryExif(mediaType) ? await readExif(this.blobs.blobPath(blob.sha256), mediaType) : null;
    const exif = read === 'unreadable' ? null : read;
    const capturedAt = exif?.dateTimeOriginal ?? d.fallbackTime;
    return {
      fileName: safeFileName(d.fileName),
      mediaType,
      kind: d.kind,
      capturedAt,
      description: d.description.trim(),
      metadata: {
        ...(exif ? { exif } : {}),
        ...(read === 'unreadable' ? { exifUnreadable: true } : {}),
        capturedAtFrom: exif?.dateTimeOriginal ? 'exif' : d.fallbackFrom,
        source: d.source,
        ...(d.relativePath ? { relativePath: d.relativePath } : {}),
      },
    };
  }

  /** Inserts (or restores) the row and the optional link in one durable transaction. */
  private commit(assessmentId: string, staged: Committable, target?: EvidenceTarget): EvidenceAddOutcome {
    // IMMEDIATE: take the write lock before checking the blob, so a concurrent clean-up cannot
    // delete it between the check and the commit.
    const status = this.ws.write(() => this.commitOne(assessmentId, staged, target));
    return { status, item: this.get(assessmentId, staged.blob.sha256) };
  }

  /** Commits many durable files in one transaction; a file whose blob vanished gets null. */
  private commitGroup(
    assessmentId: string,
    group: Committable[],
    target?: EvidenceTarget,
  ): (AddStatus | null)[] {
    if (group.length === 0) return [];
    const one = this.ws.db.transaction((c: Committable) => this.commitOne(assessmentId, c, target));
    return this.ws.write(() =>
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
    const existing = this.row(assessmentId, blob.sha256);
    let status: AddStatus = 'duplicate';
    if (!existing) {
      this.ws.change(
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
          this.sql(
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
            this.ws.actor(),
            d.description,
            JSON.stringify(d.metadata),
            at,
          );
          this.assertBlob(blob.sha256);
        },
      );
      status = 'added';
    } else if (existing.removed_at) {
      this.ws.change(
        assessmentId,
        {
          action: 'evidence.restored',
          entity: 'evidence',
          entityId: blob.sha256,
          data: { fileName: existing.file_name, removedAt: existing.removed_at },
        },
        () => {
          this.sql(
            'UPDATE evidence SET removed_at = NULL, removed_by = NULL, removed_reason = NULL WHERE assessment_id = ? AND sha256 = ?',
          ).run(assessmentId, blob.sha256);
          this.assertBlob(blob.sha256);
        },
      );
      status = 'restored';
    }
    if (target) this.linkInTx(assessmentId, blob.sha256, target);
    return status;
  }

  private assertBlob(sha256: string): void {
    if (!this.blobs.has(sha256)) throw new BlobGone(sha256);
  }

  // ---- reading -------------------------------------------------------------------------------

  private row(assessmentId: string, sha256: string): EvidenceRow | undefined {
    return this.sql('SELECT * FROM evidence WHERE assessment_id = ? AND sha256 = ?').get(
      assessmentId,
      sha256,
    ) as EvidenceRow | undefined;
  }

  private requireRow(assessmentId: string, sha256: string): EvidenceRow {
    this.assessments.require(assessmentId);
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
      stored: this.blobs.has(r.sha256),
    };
  }

  private linksOf(assessmentId: string, sha256?: string): Map<string, EvidenceLinkRef[]> {
    const rows = (
      sha256
        ? this.sql(
            'SELECT sha256, target_kind, target_id FROM evidence_link WHERE assessment_id = ? AND sha256 = ? ORDER BY created_at, target_kind, target_id',
          ).all(assessmentId, sha256)
        : this.sql(
            'SELECT sha256, target_kind, target_id FROM evidence_link WHERE assessment_id = ? ORDER BY created_at, target_kind, target_id',
          ).all(assessmentId)
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

  list(
    assessmentId: string,
    filter: {
      scope?: Scope;
      kind?: EvidenceKind;
      unlinked?: boolean;
      target?: EvidenceTarget;
      includeRemoved?: boolean;
    } = {},
  ): EvidenceItem[] {
    this.assessments.require(assessmentId);
    const where = ['assessment_id = ?'];
    const args: string[] = [assessmentId];
    if (!filter.includeRemoved) where.push('removed_at IS NULL');
    if (filter.kind) {
      where.push('kind = ?');
      args.push(filter.kind);
    }
    const rows = this.sql(
      `SELECT * FROM evidence WHERE ${where.join(' AND ')} ORDER BY added_at DESC, rowid DESC`,
    ).all(...args) as EvidenceRow[];
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
      const findings = findingsInScope(this.ws.db, assessmentId, scope);
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
    this.assessments.require(assessmentId);
    return listTargets(this.ws.db, assessmentId);
  }

  /** Everything the trail says about one item: its own events and the links made or undone. */
  history(assessmentId: string, sha256: string): AuditEvent[] {
    this.requireRow(assessmentId, sha256);
    return this.ws.trail.list(assessmentId).filter((e) => {
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

  // ---- links and removal ---------------------------------------------------------------------

  private isLinked(assessmentId: string, sha256: string, ref: ReturnType<typeof targetRef>): boolean {
    return !!this.sql(
      'SELECT 1 FROM evidence_link WHERE assessment_id = ? AND sha256 = ? AND target_kind = ? AND target_id = ?',
    ).get(assessmentId, sha256, ref.kind, ref.id);
  }

  private linkInTx(assessmentId: string, sha256: string, target: EvidenceTarget): boolean {
    const ref = targetRef(target);
    if (this.isLinked(assessmentId, sha256, ref)) return false;
    const row = this.row(assessmentId, sha256)!;
    this.ws.change(
      assessmentId,
      {
        action: 'evidence.linked',
        entity: ref.kind,
        entityId: ref.id,
        data: { sha256, fileName: row.file_name },
      },
      (at) => {
        this.sql(
          'INSERT INTO evidence_link (assessment_id, sha256, target_kind, target_id, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(assessmentId, sha256, ref.kind, ref.id, at);
      },
    );
    return true;
  }

  link(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    this.ws.write(() => {
      const row = this.requireRow(assessmentId, sha256);
      if (row.removed_at) {
        throw new AppError('conflict', `${row.file_name} was removed; add it again before linking it.`);
      }
      assertTarget(this.ws.db, assessmentId, target);
      this.linkInTx(assessmentId, sha256, target);
    });
    return this.get(assessmentId, sha256);
  }

  unlink(assessmentId: string, sha256: string, target: EvidenceTarget): EvidenceItem {
    return this.ws.write(() => {
      const row = this.requireRow(assessmentId, sha256);
      const ref = targetRef(target);
      if (this.isLinked(assessmentId, sha256, ref)) {
        this.ws.change(
          assessmentId,
          {
            action: 'evidence.unlinked',
            entity: ref.kind,
            entityId: ref.id,
            data: { sha256, fileName: row.file_name },
          },
          () => {
            this.sql(
              'DELETE FROM evidence_link WHERE assessment_id = ? AND sha256 = ? AND target_kind = ? AND target_id = ?',
            ).run(assessmentId, sha256, ref.kind, ref.id);
          },
        );
      }
      return this.get(assessmentId, sha256);
    });
  }

  /**
   * Marks the item removed and drops its links, recording who, when and why. The file stays in the
   * store (the audit trail still names its hash) until the assessment itself is deleted.
   */
  remove(assessmentId: string, sha256: string, reason: string): EvidenceItem {
    return this.ws.write(() => {
      const row = this.requireRow(assessmentId, sha256);
      if (row.removed_at) return this.get(assessmentId, sha256);
      const links = this.linksOf(assessmentId, sha256).get(sha256) ?? [];
      this.ws.change(
        assessmentId,
        {
          action: 'evidence.removed',
          entity: 'evidence',
          entityId: sha256,
          data: { fileName: row.file_name, reason: reason.trim(), links: links as unknown as JsonValue },
        },
        (at) => {
          this.sql(
            'UPDATE evidence SET removed_at = ?, removed_by = ?, removed_reason = ? WHERE assessment_id = ? AND sha256 = ?',
          ).run(at, this.ws.actor(), reason.trim(), assessmentId, sha256);
          this.sql('DELETE FROM evidence_link WHERE assessment_id = ? AND sha256 = ?').run(
            assessmentId,
            sha256,
          );
        },
      );
      return this.get(assessmentId, sha256);
    });
  }

  // ---- files ---------------------------------------------------------------------------------

  private anyRow(sha256: string): { media_type: string } {
    const row = this.sql('SELECT media_type FROM evidence WHERE sha256 = ? LIMIT 1').get(sha256) as
      | { media_type: string }
      | undefined;
    if (!row) throw new AppError('not-found', `No evidence ${sha256.slice(0, 12)}… in this workspace.`);
    return row;
  }

  /** The blob's path; a clear error when only the metadata is here (an assessment imported from JSON). */
  private storedFile(sha256: string, fileName: string): string {
    const file = this.blobs.blobPath(sha256);
    if (!fs.existsSync(file)) {
      throw new AppError(
        'not-found',
        `The file of ${fileName} is not in this workspace (only its description was imported); import the audit package that carries it.`,
      );
    }
    return file;
  }

  /** A 256 px PNG, made once per content and cached; null for what is not a decodable image. */
  async thumbnail(sha256: string): Promise<Buffer | null> {
    const { media_type } = this.anyRow(sha256);
    if (!isImage(media_type) || !this.blobs.has(sha256)) return null;
    const cached = this.sql('SELECT png FROM thumbnail WHERE sha256 = ?').get(sha256) as
      | { png: Buffer }
      | undefined;
    if (cached) return cached.png.length ? cached.png : null;
    let pending = this.thumbsInFlight.get(sha256);
    if (!pending) {
      pending = makeThumbnail(this.blobs.blobPath(sha256)).then((png) => {
        // An empty blob records "cannot be decoded", so a damaged file is not retried on every view.
        this.sql('INSERT OR REPLACE INTO thumbnail (sha256, png) VALUES (?, ?)').run(
          sha256,
          png ?? Buffer.alloc(0),
        );
        return png;
      });
      pending.finally(() => this.thumbsInFlight.delete(sha256)).catch(() => {});
      this.thumbsInFlight.set(sha256, pending);
    }
    return pending;
  }

  /** Reads the original, byte for byte as captured. */
  openStream(sha256: string): Readable {
    this.anyRow(sha256);
    return fs.createReadStream(this.storedFile(sha256, sha256.slice(0, 12)));
  }

  /**
   * The copy of a file that goes into an export: the original bytes, or with `stripPrivateExif`
   * a JPEG or PNG without GPS and serial numbers (orientation kept). Formats Zonewalk cannot
   * rewrite are refused when they do carry such data, rather than exported with it.
   */
  exportCopyStream(
    sha256: string,
    opts: { stripPrivateExif: boolean },
  ): { stream: Readable; mediaType: string; stripped: boolean } {
    const row = this.sql('SELECT media_type, file_name, metadata FROM evidence WHERE sha256 = ? LIMIT 1').get(
      sha256,
    ) as { media_type: string; file_name: string; metadata: string } | undefined;
    if (!row) throw new AppError('not-found', `No evidence ${sha256.slice(0, 12)}… in this workspace.`);
    const source = fs.createReadStream(this.storedFile(sha256, row.file_name));
    if (!opts.stripPrivateExif || !mayCarryExif(row.media_type)) {
      return { stream: source, mediaType: row.media_type, stripped: false };
    }
    const strip = privacyStripFor(row.media_type, this.blobs.blobPath(sha256));
    if (!strip) {
      const meta = JSON.parse(row.metadata) as { exif?: ExifPrivacy; exifUnreadable?: boolean };
      if (!hasPrivateExif(meta.exif) && !meta.exifUnreadable) {
        return { stream: source, mediaType: row.media_type, stripped: false };
      }
      source.destroy();
      throw new AppError(
        'invalid-file',
        `${row.file_name} may carry GPS or serial-number EXIF that Zonewalk cannot remove from ${row.media_type} files; leave it out of the export or export without redaction.`,
      );
    }
    source.on('error', (err) => strip.destroy(err));
    return { stream: source.pipe(strip), mediaType: row.media_type, stripped: true };
  }

  /**
   * Copies the original to a fresh private temp folder, read-only, under a name whose extension
   * comes from the sniffed type, and returns its path for the system viewer. Executables, scripts
   * and types no viewer is known for are refused: opening evidence must never run it.
   */
  async prepareOpenCopy(assessmentId: string, sha256: string): Promise<string> {
    const row = this.requireRow(assessmentId, sha256);
    const ext = OPENABLE[row.media_type];
    if (!ext || hasRunnableExtension(row.file_name)) {
      throw new AppError(
        'invalid-file',
        `${row.file_name} (${row.media_type}) is not opened outside Zonewalk, because opening it could run code; export it and inspect it on a safe machine.`,
      );
    }
    const original = this.storedFile(sha256, row.file_name);
    const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'zonewalk-open-'));
    const stem = row.file_name.replace(/\.[^.]*$/, '') || 'evidence';
    const copy = path.join(dir, `${stem}${ext}`);
    await fsp.copyFile(original, copy);
    await fsp.chmod(copy, 0o444);
    return copy;
  }

  // ---- housekeeping --------------------------------------------------------------------------

  /**
   * Deletes blobs no assessment refers to (after an assessment was deleted, or left by a crash
   * between rename and row). Runs under the write lock, so an add that found the blob commits first.
   */
  collectGarbage(opts: { wait?: boolean } = {}): number {
    return this.ws.write(() => {
      const referenced = new Set(
        (this.sql('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[]).map((r) => r.sha256),
      );
      let removed = 0;
      for (const sha of this.blobs.listBlobs()) {
        if (referenced.has(sha)) continue;
        this.blobs.delete(sha);
        this.sql('DELETE FROM thumbnail WHERE sha256 = ?').run(sha);
        removed++;
      }
      return removed;
    }, opts);
  }

  /** Run when a workspace opens: temp files of dead processes, orphaned blobs, old viewer copies. */
  sweep(): void {
    // Housekeeping must never keep a workspace from opening; what is left now goes next time.
    for (const step of [
      () => this.blobs.sweepTemp(),
      () => this.collectGarbage({ wait: false }),
      sweepOpenCopies,
    ]) {
      try {
        step();
      } catch {}
    }
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

function sweepOpenCopies(): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith('zonewalk-open-')) continue;
      const p = path.join(os.tmpdir(), name);
      const st = fs.lstatSync(p);
      if (st.isDirectory() && Date.now() - st.mtimeMs > DAY_MS) {
        for (const f of fs.readdirSync(p)) fs.chmodSync(path.join(p, f), 0o644);
        fs.rmSync(p, { recursive: true, force: true });
      }
    }
  } catch {
    // another user's or an unreadable temp folder is not ours to clean
  }
}
