import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { Catalog, CatalogPart } from '../../../core/catalog/types';
import { type InterchangeDocument, modelOf } from '../../../core/interchange/document';
import type { AssessmentModel, EvidenceMeta } from '../../../core/model';
import { coverageWarning } from '../../../core/reports/coverage';
import type { AssessmentScore } from '../../../core/scoring/types';
import type { AssessmentDetails } from '../../../shared/contract/assessments';
import type {
  ExportResult,
  RegisterImportPreview,
  RegisterImportResult,
} from '../../../shared/contract/reports';
import { AppError } from '../../../shared/errors';
import { toFsAppError } from '../../db/fsErrors';
import { type AtomicWriteOptions, writeAtomically } from '../../fsAtomic';
import { mkdirPrivate } from '../../privateFiles';
import type { Workspace } from '../../workspace';
import { writeFindingsReport } from './findingsReportWriter';
import { previewRegister, readRegister } from './gapRegisterImport';
import { writeGapRegister } from './gapRegisterWriter';
import { type GapTrackingChange, GapTrackingService } from './gapTracking';
import { type GapTracking, type ReportCatalog, type ReportInput, UNTRACKED } from './reportInput';

/** Where the reports get their facts; wired to the real services in services/index.ts. */
export interface ReportSources {
  details(assessmentId: string): AssessmentDetails;
  model(assessmentId: string): AssessmentModel;
  score(model: AssessmentModel): AssessmentScore;
  catalogs(): Record<CatalogPart, Catalog>;
  catalogVersions(): ReportCatalog[];
  evidence(assessmentId: string): EvidenceMeta[];
  thumbnail?(assessmentId: string, sha256: string): Promise<Uint8Array | null> | Uint8Array | null;
}

export interface InputOptions {
  signer?: { name: string; fingerprint: string };
  redaction?: string;
  generatedAt?: string;
}

export type ReportKind = 'gap-register' | 'findings-report';
const KINDS: Record<
  ReportKind,
  { ext: string; what: string; write: (i: ReportInput, out: Writable) => Promise<void> }
> = {
  'gap-register': { ext: 'xlsx', what: 'the gap register', write: writeGapRegister },
  'findings-report': { ext: 'pdf', what: 'the findings report', write: writeFindingsReport },
};

/** `Waterworks Nord 2026` -> `waterworks-nord-2026`; file names stay portable on every system. */
export function slug(title: string): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return s || 'assessment';
}

function stamp(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
}

export interface ExportOptions extends InputOptions {
  /** Exact file to write (CLI --out); otherwise a fresh name in `outDir`. */
  file?: string;
  outDir?: string;
  /** Test seam: the stream the writer fills. */
  createStream?: AtomicWriteOptions['createStream'];
}

export class ReportService {
  readonly tracking: GapTrackingService;

  constructor(
    private readonly ws: Workspace,
    private readonly sources: ReportSources,
  ) {
    this.tracking = new GapTrackingService(ws);
  }

  /** Everything both writers need, read once from the workspace. */
  input(assessmentId: string, opts: InputOptions = {}): ReportInput {
    return this.inputFor(this.sources.model(assessmentId), this.sources.evidence(assessmentId), opts);
  }

  /**
   * The same from an interchange document, e.g. the redacted one an audit package is built from:
   * the reports then show exactly what the package's assessment.json shows. Gap tracking (owners)
   * and the scope statement are not part of that document; pass `tracking` to redact them too.
   */
  inputFromDocument(
    doc: InterchangeDocument,
    opts: InputOptions & { tracking?: ReadonlyMap<string, GapTracking> } = {},
  ): ReportInput {
    return this.inputFor(modelOf(doc), doc.evidence, opts);
  }

  private inputFor(
    model: AssessmentModel,
    evidence: EvidenceMeta[],
    opts: InputOptions & { tracking?: ReadonlyMap<string, GapTracking> },
  ): ReportInput {
    const id = model.assessment.id;
    const details = this.sources.details(id);
    const thumbnail = this.sources.thumbnail;
    return {
      model,
      scopeStatement: details.scopeStatement,
      startDate: details.startDate,
      endDate: details.endDate,
      score: this.sources.score(model),
      catalogs: this.sources.catalogs(),
      catalogVersions: this.sources.catalogVersions(),
      evidence,
      thumbnail: thumbnail ? (sha) => thumbnail.call(this.sources, id, sha) : undefined,
      tracking: opts.tracking ?? this.tracking.all(id),
      signer: opts.signer,
      redaction: opts.redaction ?? 'none',
      generatedAt: opts.generatedAt ?? this.ws.now(),
    };
  }

  /**
   * Writes one report atomically and returns where, with any warning to show (below 80% of the
   * applicable items answered); a failure leaves nothing under the final name.
   */
  async export(kind: ReportKind, assessmentId: string, opts: ExportOptions = {}): Promise<ExportResult> {
    const input = this.input(assessmentId, opts);
    const k = KINDS[kind];
    const target = opts.file ? path.resolve(opts.file) : this.freshName(input, kind, opts.outDir);
    await writeAtomically(target, k.what, (out) => k.write(input, out), { createStream: opts.createStream });
    const warning = coverageWarning(input.score.overall);
    return { path: target, bytes: fs.statSync(target).size, warnings: warning ? [warning] : [] };
  }

  /** Writes into a stream someone else owns (the audit package). */
  write(kind: ReportKind, input: ReportInput, out: Writable): Promise<void> {
    return KINDS[kind].write(input, out);
  }

  private freshName(input: ReportInput, kind: ReportKind, outDir?: string): string {
    let dir: string;
    if (outDir) {
      if (!path.isAbsolute(outDir)) throw new AppError('invalid-input', 'Choose a folder by its full path.');
      dir = outDir;
    } else {
      dir = path.join(this.ws.dataDir, 'exports');
      try {
        mkdirPrivate(dir);
      } catch (err) {
        throw toFsAppError(err, `the exports folder ${dir}`);
      }
    }
    const base = `${slug(input.model.assessment.title)}_${kind}_${stamp(input.generatedAt)}`;
    const ext = KINDS[kind].ext;
    for (let n = 1; ; n++) {
      const name = path.join(dir, `${base}${n === 1 ? '' : `-${n}`}.${ext}`);
      if (!fs.existsSync(name)) return name;
    }
  }

  async importPreview(assessmentId: string, bytes: Buffer, fileName: string): Promise<RegisterImportPreview> {
    const read = await readRegister(bytes);
    const model = this.sources.model(assessmentId);
    const gapIds = new Set(this.sources.score(model).gaps.map((g) => g.gapId));
    return previewRegister(fileName, read, gapIds, this.tracking.all(assessmentId));
  }

  /** Applies the whole preview in one transaction, or nothing when any value could not be read. */
  async importApply(assessmentId: string, bytes: Buffer, fileName: string): Promise<RegisterImportResult> {
    const preview = await this.importPreview(assessmentId, bytes, fileName);
    if (preview.problems.length) {
      const first = preview.problems[0];
      throw new AppError(
        'invalid-file',
        `Nothing was imported: ${preview.problems.length} value${preview.problems.length === 1 ? '' : 's'} in ${fileName} cannot be read (row ${first.row}, ${first.column}: ${first.message})`,
        preview.problems,
      );
    }
    // The current tracking is read in the same immediate transaction that writes it.
    const applied = this.ws.write(() => {
      const current = this.tracking.all(assessmentId);
      const changes: GapTrackingChange[] = preview.changes.map((c) => {
        const before = current.get(c.gapId) ?? UNTRACKED;
        return {
          gapId: c.gapId,
          before,
          after: {
            ...before,
            ...(c.owner ? { owner: c.owner.to } : {}),
            ...(c.due ? { due: c.due.to } : {}),
            ...(c.status ? { status: c.status.to } : {}),
          },
        };
      });
      if (changes.length)
        this.tracking.apply(assessmentId, changes, {
          action: 'gap-register.imported',
          data: { file: fileName, changed: changes.length, unmatched: preview.unmatched.length },
        });
      return changes.length;
    });
    return { ...preview, applied };
  }
}
