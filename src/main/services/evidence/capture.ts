import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceKind, EvidenceTarget } from '../../../core/evidenceTargets';
import { safeFileName } from '../../../core/safeFileName';
import type { EvidenceAddOutcome, EvidenceBatchLine } from '../../../shared/contract/evidence';
import { MAX_WINDOW_BYTES } from '../../../shared/contract/evidence';
import { AppError } from '../../../shared/errors';
import type { PendingBlob, StoredBlob } from './blobStore';
import { type Committable, type EvidenceCommits, withRetry } from './commit';
import type { EvidenceContext } from './context';
import { type Described, describeBlob } from './describe';
import { pipeline } from './pipeline';
import { bufferChunks, type CopyData, formatBytes, openFileSource, tooLarge, walkFolder } from './sources';
import { assertTarget } from './targets';

export const MAX_FOLDER_FILES = 20_000;

export interface CaptureMeta {
  kind?: EvidenceKind;
  description?: string;
  target?: EvidenceTarget;
}

/** A file copied into a temp file, not yet durable. */
interface Copied {
  pending: PendingBlob;
  mtimeMs: number;
}

/** A file of a batch: its path, the name its line shows, and its path below the added folder. */
interface BatchSource {
  path: string;
  name: string;
  relative?: string;
}

function rethrowUnlessAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  throw err;
}

/** Files copied at once by a batch add, and files committed per transaction. */
const COPY_PARALLEL = 8;
const COMMIT_GROUP = 32;

/** Brings files in: from disk one by one or in batches, bytes from the window, typed notes. */
export class EvidenceCapture {
  constructor(
    private readonly ctx: EvidenceContext,
    private readonly commits: EvidenceCommits,
    private readonly copyData: CopyData,
    private readonly maxFileBytes: () => number,
  ) {}

  /** Adds one file from disk, streamed. */
  async addFile(
    assessmentId: string,
    file: string,
    meta: CaptureMeta = {},
    relative?: string,
  ): Promise<EvidenceAddOutcome> {
    this.precheck(assessmentId, meta.target);
    return withRetry(async () => {
      const { pending, mtimeMs } = await this.copyFile({ path: file, relative });
      const blob = await pending.finish();
      const described = await this.describeFile(blob, { path: file, relative }, meta, mtimeMs);
      return this.commits.commit(assessmentId, { blob, described }, meta.target);
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
    sources: BatchSource[],
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
    sources: BatchSource[],
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
      await this.ctx.blobs.syncDirs(durable.flatMap((d) => (d instanceof AppError ? [] : [d.blob.sha256])));
      // Describe (media type, EXIF) and commit the group in one transaction.
      const ready: Committable[] = [];
      const readyIndex = new Map<number, number>();
      for (const [i, d] of durable.entries()) {
        if (d instanceof AppError) continue;
        readyIndex.set(i, ready.length);
        ready.push({ blob: d.blob, described: await this.describeFile(d.blob, group[i], meta, d.mtimeMs) });
      }
      const statuses = this.commits.commitGroup(assessmentId, ready, meta.target);
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
    const limit = this.maxFileBytes();
    const source = await openFileSource(src.path, limit, this.copyData, name);
    try {
      const pending = await this.ctx.blobs.copyIn((tmp) => source.copyTo(tmp), {
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
    return describeBlob(this.ctx.blobs, blob, {
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
    const maxFileBytes = this.maxFileBytes();
    const limit = Math.min(maxFileBytes, MAX_WINDOW_BYTES);
    if (input.bytes.length === 0) {
      throw new AppError('invalid-file', `${name} is empty (0 bytes); there is nothing to keep as evidence.`);
    }
    if (input.bytes.length > limit) {
      throw new AppError(
        'too-large',
        limit < maxFileBytes
          ? `${name} is ${formatBytes(input.bytes.length)}; files above ${formatBytes(limit)} must be added from disk ("Add large files…" or the command line).`
          : `${name} is ${formatBytes(input.bytes.length)}, above the evidence limit of ${formatBytes(limit)}.`,
      );
    }
    return withRetry(async () => {
      const blob = await this.ctx.blobs.put(bufferChunks(input.bytes), {
        limit,
        tooLarge: () => tooLarge(name, input.bytes.length, limit),
        what: name,
      });
      const described = await describeBlob(this.ctx.blobs, blob, {
        fileName: input.fileName,
        kind: input.kind ?? 'file',
        description: input.description ?? '',
        fallbackTime: input.lastModified ? new Date(input.lastModified).toISOString() : this.ctx.ws.now(),
        fallbackFrom: input.lastModified ? 'file' : 'added',
        source: 'window',
      });
      return this.commits.commit(assessmentId, { blob, described }, input.target);
    });
  }

  /** A typed note, kept as a UTF-8 text file like any other evidence. */
  async addNote(
    assessmentId: string,
    input: { text: string; title?: string; target?: EvidenceTarget },
  ): Promise<EvidenceAddOutcome> {
    const stamp = this.ctx.ws.now().replace(/[:.]/g, '-');
    const title = input.title?.trim() ?? '';
    const fileName = safeFileName(`${title ? title.replace(/\.txt$/i, '') : `note-${stamp}`}.txt`);
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
    this.ctx.assessments.require(assessmentId);
    if (target) assertTarget(this.ctx.ws.db, assessmentId, target);
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
}
