import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { type AuditEvent, chainGenesis } from '../../../core/audit/auditChain';
import { formatTrailHead, TRAIL_HEAD_FIELD } from '../../../core/audit/trailHead';
import { packageFileName, safeEntryName } from '../../../core/package/bagit';
import {
  allowsEvidenceFiles,
  applyRedaction,
  type Redaction,
  redactionLabel,
} from '../../../core/redaction/profiles';
import { redactTrail } from '../../../core/redaction/trail';
import type { ExportRequest } from '../../../shared/contract/exports';
import type {
  ExportedFile,
  ExportResult,
  ExportStatus,
  PackageFileInfo,
} from '../../../shared/contract/packages';
import { AppError } from '../../../shared/errors';
import { collectGarbage } from '../../collectGarbage';
import { toFsAppError } from '../../db/fsErrors';
import { renameNoReplace, syncFile } from '../../fsAtomic';
import { exportFileMode, mkdirPrivate, PRIVATE_DIR } from '../../privateFiles';
import type { Workspace } from '../../workspace';
import { mayCarryExif } from '../evidence/mediaType';
import { sniffFile } from '../evidence/sniffFile';
import { sha256Hex } from '../hash';
import { signBytes } from '../signing/keys';
import type { SigningService, UnlockedKey } from '../signing/signingService';
import { piecesStream } from '../textBatches';
import { activeOverlays, OVERLAY_FIELD } from '../workspaceCatalogs';
import { claimStem } from './claimName';
import { ExportJobs, type JobContext } from './exportJobs';
import type { ExportDocument, ExportSources, ReportContext } from './exportSources';
import { bufferFile, type PayloadFile } from './payload';
import { writePackage } from './writePackage';

/** What each output of one export is named after its stem. */
const SUFFIX = {
  package: '.audit.zip',
  gapRegister: '_gap-register.xlsx',
  report: '_findings-report.pdf',
} as const;

/** One audit event a line, fields in the order audit-package.md lists them. */
export function trailJsonl(events: readonly AuditEvent[]): string {
  return events
    .map((e) =>
      JSON.stringify({
        seq: e.seq,
        at: e.at,
        actor: e.actor,
        action: e.action,
        entity: e.entity,
        entityId: e.entityId,
        data: e.data,
        prev: e.prev,
        hash: e.hash,
      }),
    )
    .map((l) => `${l}\n`)
    .join('');
}

function redactionOf(req: Pick<ExportRequest, 'redaction' | 'vendor'>): Redaction {
  if (req.redaction !== 'vendor') return { profile: req.redaction };
  const vendor = req.vendor?.trim();
  if (!vendor)
    throw new AppError('invalid-input', 'Choose the vendor whose assets the vendor package keeps.');
  return { profile: 'vendor', vendor };
}

/** Streams `write` into `file`, then fsyncs it. */
async function writeStreamed(
  file: string,
  write: (out: Writable) => Promise<void>,
  what: string,
  mode: number,
): Promise<void> {
  const out = fs.createWriteStream(file, { flags: 'wx', mode });
  const failed = new Promise<never>((_, reject) => out.on('error', reject));
  failed.catch(() => {});
  try {
    await Promise.race([write(out), failed]);
    if (!out.writableEnded) out.end();
    await Promise.race([new Promise<void>((r) => out.once('close', () => r())), failed]);
    syncFile(file);
  } catch (err) {
    out.destroy();
    throw err instanceof AppError ? err : toFsAppError(err, what);
  }
}

/**
 * Exports of an assessment: the gap register, the findings report and the signed package, each
 * after the chosen redaction. Everything is written into a hidden staging folder beside the
 * target and moved into place only when all of it is complete, so a failed or cancelled export
 * leaves nothing behind.
 */
export class ExportService {
  readonly jobs: ExportJobs;

  constructor(
    private readonly ws: Workspace,
    private readonly signing: SigningService,
    private readonly sources: ExportSources,
    log?: (err: unknown) => void,
    /** A read-only review copy can be exported, but its trail takes no new event. */
    private readonly isReadOnly: (assessmentId: string) => boolean = () => false,
  ) {
    this.jobs = new ExportJobs(log);
  }

  get defaultDir(): string {
    return path.join(this.ws.dataDir, 'exports');
  }

  vendors(assessmentId: string): string[] {
    const doc = this.sources.document(assessmentId);
    const names = new Map<string, string>();
    for (const a of doc.assets) {
      const v = a.vendor.trim();
      if (v) names.set(v.toLocaleLowerCase(), names.get(v.toLocaleLowerCase()) ?? v);
    }
    return [...names.values()].sort((a, b) => a.localeCompare(b));
  }

  /** Checks everything that can be checked at once (passphrase included), then starts the job. */
  start(req: ExportRequest): ExportStatus {
    if (req.outDir !== undefined && !path.isAbsolute(req.outDir)) {
      throw new AppError('invalid-input', 'Choose the export folder by its full path.');
    }
    const redaction = redactionOf(req);
    const doc = this.sources.document(req.assessmentId);
    if (
      redaction.profile === 'vendor' &&
      !this.vendors(req.assessmentId).some(
        (v) => v.toLocaleLowerCase() === redaction.vendor.toLocaleLowerCase(),
      )
    ) {
      throw new AppError(
        'invalid-input',
        `No asset of this assessment has the vendor "${redaction.vendor}".`,
      );
    }
    let key: UnlockedKey | undefined;
    if (req.outputs.package) {
      if (!req.keyName) throw new AppError('invalid-input', 'Choose the signing key for the package.');
      if (!req.passphrase) throw new AppError('invalid-input', 'Enter the passphrase of the signing key.');
      key = this.signing.unlock(req.keyName, req.passphrase);
    }
    const outDir = path.resolve(req.outDir ?? this.defaultDir);
    return this.jobs.start((ctx) => this.run(ctx, req, doc, redaction, outDir, key));
  }

  /** Runs an export to its end (CLI): the same path as the window's, without polling. */
  async exportNow(req: ExportRequest, onStatus?: (s: ExportStatus) => void): Promise<ExportResult> {
    const started = this.start(req);
    const timer = onStatus ? setInterval(() => onStatus(this.jobs.status(started.jobId)), 250) : undefined;
    try {
      const end = await this.jobs.wait(started.jobId);
      if (end.state !== 'done' || !end.result) {
        throw new AppError(
          (end.error?.code as 'internal') ?? 'internal',
          end.error?.message ?? 'The export failed.',
        );
      }
      return end.result;
    } finally {
      if (timer) clearInterval(timer);
    }
  }

  private async run(
    ctx: JobContext,
    req: ExportRequest,
    full: ExportDocument,
    redaction: Redaction,
    outDir: string,
    key: UnlockedKey | undefined,
  ): Promise<ExportResult> {
    const at = this.ws.now();
    const doc = applyRedaction(full, redaction);
    const label = redactionLabel(redaction);
    const wantedStem = packageFileName(full.assessment.title, at).replace(/\.audit\.zip$/, '');
    const reportCtx: ReportContext = {
      profile: redaction.profile,
      redaction: label,
      signer: key && { name: key.name, fingerprint: key.fingerprint },
      generatedAt: at,
    };
    try {
      mkdirPrivate(outDir);
    } catch (err) {
      throw toFsAppError(err, `the folder ${outDir}`);
    }
    const claimed = claimStem(
      outDir,
      wantedStem,
      (Object.keys(SUFFIX) as (keyof typeof SUFFIX)[])
        .filter((kind) => req.outputs[kind])
        .map((kind) => SUFFIX[kind]),
    );
    const stem = claimed.stem;
    const mode = exportFileMode(outDir);
    const staging = path.join(outDir, `.${stem}.${randomBytes(6).toString('hex')}.staging`);
    const placed: string[] = [];
    try {
      fs.mkdirSync(staging, { mode: PRIVATE_DIR });
      const stagedReports = {
        'gap-register': path.join(staging, 'gap-register.xlsx'),
        report: path.join(staging, 'findings-report.pdf'),
      };
      const writers = {
        'gap-register': {
          what: 'the gap register',
          phase: 'Writing the gap register',
          write: (out: Writable) => {
            // In a package the PDF came first: its garbage goes before ExcelJS comes in.
            if (req.outputs.package) collectGarbage();
            return this.sources.writeGapRegister(doc, reportCtx, out);
          },
        },
        report: {
          what: 'the findings report',
          phase: 'Writing the findings report',
          write: (out: Writable) => this.sources.writeFindingsReport(doc, reportCtx, out),
        },
      };
      const wanted = { 'gap-register': req.outputs.gapRegister, report: req.outputs.report };
      // Without a package the reports are written first; with one they are rendered while the package
      // is written, after the evidence, so the disk flushes the evidence while they render (see payload).
      const tees: Promise<void>[] = [];
      if (!req.outputs.package) {
        for (const kind of ['gap-register', 'report'] as const) {
          if (!wanted[kind]) continue;
          ctx.progress(writers[kind].phase);
          await writeStreamed(stagedReports[kind], writers[kind].write, writers[kind].what, mode);
          if (ctx.signal.aborted) throw cancelled();
        }
      }
      const files: ExportedFile[] = [];
      let packaged: Awaited<ReturnType<typeof writePackage>> | undefined;
      if (req.outputs.package && key) {
        // The PDF first: it is the heaviest to render, and ExcelJS is not loaded until it is done.
        const reportFiles = (['report', 'gap-register'] as const).map((kind) =>
          renderedFile(
            kind === 'report' ? 'findings-report.pdf' : 'gap-register.xlsx',
            (out) => {
              ctx.progress(writers[kind].phase);
              return writers[kind].write(out);
            },
            wanted[kind]
              ? {
                  file: stagedReports[kind],
                  mode,
                  done: (p) => {
                    // Awaited only when the package is complete; a failed or cancelled export
                    // removes the staging folder under it, and that is not news.
                    p.catch(() => {});
                    tees.push(p);
                  },
                }
              : undefined,
          ),
        );
        // Read once: the head signed in bag-info.txt is the last event of the trail in data/.
        const trail = this.sources.trail(full.assessment.id);
        const payload = [...this.payload(doc, redaction, trail), ...reportFiles];
        const total = payload.reduce((n, f) => n + f.size, 0);
        ctx.progress('Packaging', 0, total);
        packaged = await writePackage({
          outDir,
          fileName: `${stem}${SUFFIX.package}`,
          at,
          meta: {
            sourceOrganization: full.assessment.organisation,
            contactName: key.name,
            externalIdentifier: full.assessment.id,
            externalDescription: [full.assessment.title, full.assessment.site].filter(Boolean).join(', '),
            redaction: label,
            zonewalkFields: [
              [TRAIL_HEAD_FIELD, formatTrailHead(trail, chainGenesis(full.assessment.id, sha256Hex))],
              ...activeOverlays(this.ws.db, full.assessment.id).map((o) => [OVERLAY_FIELD, o] as const),
            ],
          },
          files: payload,
          signer: {
            fingerprint: key.fingerprint,
            publicPem: key.publicPem,
            sign: (m) => signBytes(key.privateKey, m),
          },
          signal: ctx.signal,
          onProgress: (done, all) => ctx.progress('Packaging', done, all),
        });
        placed.push(packaged.path);
        files.push({ kind: 'package', path: packaged.path, size: packaged.size });
        await Promise.all(tees);
      }
      for (const [kind, wanted, name] of [
        ['gap-register', req.outputs.gapRegister, `${stem}${SUFFIX.gapRegister}`],
        ['report', req.outputs.report, `${stem}${SUFFIX.report}`],
      ] as const) {
        if (!wanted) continue;
        const target = path.join(outDir, name);
        renameNoReplace(stagedReports[kind], target);
        placed.push(target);
        files.push({ kind, path: target, size: fs.statSync(target).size });
      }
      if (ctx.signal.aborted) throw cancelled();
      if (packaged && key && !this.isReadOnly(full.assessment.id)) {
        this.ws.change(
          full.assessment.id,
          {
            action: 'package.exported',
            entity: 'assessment',
            entityId: full.assessment.id,
            data: {
              file: packaged.fileName,
              tagManifestSha256: packaged.tagManifestSha256,
              signer: key.fingerprint,
              redaction: label,
              payloadOxum: packaged.payloadOxum,
            },
          },
          () => {},
        );
      }
      return {
        folder: outDir,
        files,
        signerFingerprint: key?.fingerprint,
        signerName: key?.name,
        tagManifestSha256: packaged?.tagManifestSha256,
        redaction: label,
      };
    } catch (err) {
      for (const p of placed) fs.rmSync(p, { force: true });
      throw ctx.signal.aborted ? cancelled() : err;
    } finally {
      fs.rmSync(staging, { recursive: true, force: true });
      claimed.release();
    }
  }

  /** data/ of the package; every evidence file must be in the store, or nothing is written. */
  private payload(doc: ExportDocument, redaction: Redaction, trail: AuditEvent[]): PayloadFile[] {
    const files: PayloadFile[] = [
      {
        path: 'assessment.json',
        size: 0,
        exactSize: false,
        compress: true,
        open: () => piecesStream(this.sources.serialize(doc)),
      },
      bufferFile('audit-trail.jsonl', trailJsonl(redactTrail(trail, redaction, doc))),
    ];
    if (!allowsEvidenceFiles(redaction)) return files;
    const evidence: PayloadFile[] = [];
    const strip = redaction.profile !== 'none';
    for (const e of doc.evidence) {
      const stored = this.sources.evidencePath(e.sha256);
      let size: number;
      try {
        size = fs.statSync(stored).size;
      } catch {
        throw new AppError(
          'not-found',
          `Evidence file "${e.fileName}" (sha256 ${e.sha256}) is missing from the evidence store (${stored}). The package was not written; restore the file or remove the evidence first.`,
        );
      }
      // Only a copy that may lose EXIF differs from the stored file; the rest are copied as is.
      // The type comes from the stored bytes: the document's media type is only what a row says.
      const stripped = strip && mayCarryExif(sniffFile(stored));
      evidence.push({
        path: `evidence/${e.sha256}/${safeEntryName(e.fileName)}`,
        size,
        exactSize: !stripped,
        diskPath: stripped ? undefined : stored,
        open: () => this.sources.evidenceStream(e.sha256, { stripPrivateExif: strip }),
      });
    }
    return [...evidence, ...files];
  }

  /** The packages in the default export folder, newest first. */
  recent(): PackageFileInfo[] {
    const dir = this.defaultDir;
    if (!fs.existsSync(dir)) return [];
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((d) => d.isFile() && d.name.endsWith('.audit.zip'))
      .map((d) => {
        const p = path.join(dir, d.name);
        const st = fs.statSync(p);
        return { name: d.name, path: p, size: st.size, modifiedAt: st.mtime.toISOString() };
      })
      .sort((a, b) =>
        a.modifiedAt < b.modifiedAt ? 1 : a.modifiedAt > b.modifiedAt ? -1 : a.name.localeCompare(b.name),
      );
  }
}

/**
 * A report rendered into the zip when its entry's turn comes. With `copy`, the same bytes also go to
 * a file (the standalone report of the same export), whose completion `copy.done` receives.
 */
function renderedFile(
  name: string,
  render: (out: Writable) => Promise<void>,
  copy?: { file: string; mode: number; done: (p: Promise<void>) => void },
): PayloadFile {
  return {
    path: name,
    size: 0,
    exactSize: false,
    open: () => {
      const out = new PassThrough();
      if (copy) {
        const file = fs.createWriteStream(copy.file, { flags: 'wx', mode: copy.mode });
        out.pipe(file);
        copy.done(
          new Promise<void>((resolve, reject) => {
            file.once('error', reject);
            file.once('close', () => resolve());
          }).then(() => syncFile(copy.file)),
        );
      }
      render(out).then(
        () => {
          if (!out.writableEnded) out.end();
        },
        (err) => out.destroy(err),
      );
      return out;
    },
  };
}

function cancelled(): AppError {
  return new AppError('cancelled', 'The export was cancelled. Nothing was written.');
}
