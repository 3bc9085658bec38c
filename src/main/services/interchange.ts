import { randomUUID } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { z } from 'zod';
import type { RequirementIndex } from '../../core/catalog/requirementIndex';
import {
  type InterchangeDocument,
  serializeInterchange,
  toInterchangeDocument,
} from '../../core/interchange/document';
import { migrateV1 } from '../../core/interchange/migrateV1';
import { interchangeProblems, interchangeWarnings } from '../../core/interchange/validate';
import { jsonPath } from '../../shared/catalog';
import { AppError } from '../../shared/errors';
import { INTERCHANGE_FORMAT, interchangeSchema } from '../../shared/interchange';
import { INTERCHANGE_FORMAT_V1, interchangeSchemaV1 } from '../../shared/interchangeV1';
import type { Workspace } from '../workspace';
import { loadAssessmentModel, loadEvidenceMeta } from './assessmentModel';
import type { AssetService } from './assets';
import { sha256Hex } from './hash';
import { ModelRowWriter } from './modelRowWriter';

export interface ImportOptions {
  /** Import under a new id instead of refusing when the document's assessment id exists. */
  asCopy?: boolean;
  /** The file name, for messages. */
  source?: string;
}

export interface ParsedDocument {
  doc: InterchangeDocument;
  /** What the auditor should look at: /1 migrations, conduit SL-T below its zones, and the like. */
  warnings: string[];
}

export interface ImportResult {
  id: string;
  title: string;
  warnings: string[];
  counts: {
    zones: number;
    conduits: number;
    assets: number;
    responses: number;
    compensatingControls: number;
    findings: number;
    evidence: number;
  };
}

/** `responses[3].scope: sentence` from the first zod issue, in words an auditor can act on. */
function describeIssue(issue: z.core.$ZodIssue): string {
  const at = jsonPath(issue.path);
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0];
    return `${at === '(root)' ? key : `${at}.${key}`}: unknown field`;
  }
  if (issue.code === 'invalid_type' && /received undefined/.test(issue.message)) return `${at}: missing`;
  return `${at}: ${issue.message}`;
}

/** Reads and writes whole assessments as zonewalk.assessment/2 documents, and reads /1 (docs/interchange.md). */
export class InterchangeService {
  private stmts?: ReturnType<InterchangeService['prepare']>;

  constructor(
    private readonly ws: Workspace,
    private readonly index: RequirementIndex,
    private readonly assets: AssetService,
  ) {}

  exportDocument(id: string): InterchangeDocument {
    return this.ws.db.transaction(() =>
      toInterchangeDocument(loadAssessmentModel(this.ws, id), loadEvidenceMeta(this.ws, id)),
    )();
  }

  /** The canonical file text: export -> import -> export gives the same bytes. */
  exportJson(id: string): string {
    return serializeInterchange(this.exportDocument(id));
  }

  /** Parses and checks a document completely; the first problem is thrown with its JSON path. */
  parse(text: string, source = 'The document'): InterchangeDocument {
    return this.read(text, source).doc;
  }

  /** Parses, migrates a /1 document, and checks completely; returns the warnings beside the document. */
  read(text: string, source = 'The document'): ParsedDocument {
    const fail = (problem: string): never => {
      const path = problem.slice(0, problem.indexOf(':'));
      throw new AppError('invalid-file', `${source} is not a valid Zonewalk assessment: ${problem}.`, {
        path,
      });
    };
    let raw: unknown;
    try {
      raw = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    } catch (err) {
      throw new AppError('invalid-file', `${source} is not valid JSON: ${(err as Error).message}.`, {
        path: '(root)',
      });
    }
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('(root): expected a JSON object');
    const format = (raw as { format?: unknown }).format;
    let doc: InterchangeDocument;
    const warnings: string[] = [];
    if (format === INTERCHANGE_FORMAT) {
      const parsed = interchangeSchema.safeParse(raw);
      if (!parsed.success) return fail(describeIssue(parsed.error.issues[0]));
      doc = parsed.data;
    } else if (format === INTERCHANGE_FORMAT_V1) {
      const parsed = interchangeSchemaV1.safeParse(raw);
      if (!parsed.success) return fail(describeIssue(parsed.error.issues[0]));
      const migrated = migrateV1(parsed.data);
      doc = migrated.doc;
      warnings.push(...migrated.warnings);
    } else {
      return fail(
        format === undefined
          ? `format: missing (expected "${INTERCHANGE_FORMAT}")`
          : `format: unknown format ${JSON.stringify(format)}; this Zonewalk reads "${INTERCHANGE_FORMAT}" and "${INTERCHANGE_FORMAT_V1}"`,
      );
    }
    const problems = interchangeProblems(doc, this.index);
    if (problems.length) fail(problems[0]);
    return { doc, warnings: [...warnings, ...interchangeWarnings(doc)] };
  }

  /** Imports a whole document in one transaction with one audit event; nothing is written on any error. */
  import(text: string, opts: ImportOptions = {}): ImportResult {
    const { doc, warnings } = this.read(text, opts.source);
    const existing = this.ws.db.prepare('SELECT title FROM assessment WHERE id = ?').get(doc.assessment.id) as
      | { title: string }
      | undefined;
    if (existing && !opts.asCopy) {
      throw new AppError(
        'conflict',
        `An assessment with id ${doc.assessment.id} ("${existing.title}") already exists in this workspace. Import it as a copy to keep both, or delete the existing one first.`,
      );
    }
    const id = existing ? randomUUID() : doc.assessment.id;
    const title = existing ? `${doc.assessment.title} (copy)` : doc.assessment.title;
    const counts = {
      zones: doc.zones.length,
      conduits: doc.conduits.length,
      assets: doc.assets.length,
      responses: doc.responses.length,
      compensatingControls: doc.compensatingControls.length,
      findings: doc.findings.length,
      evidence: doc.evidence.length,
    };
    this.ws.change(
      id,
      {
        action: 'assessment.imported',
        entity: 'assessment',
        entityId: id,
        data: {
          title,
          source: opts.source ?? null,
          sha256: sha256Hex(text),
          ...(existing && { copyOf: doc.assessment.id }),
          ...counts,
        },
      },
      (at) => this.write(id, title, doc, at),
    );
    return { id, title, warnings, counts };
  }

  private prepare(db: Database.Database) {
    return {
      assessment: db.prepare(
        `INSERT INTO assessment (id, title, organisation, site, status, assessors, catalogs, sms_target_maturity,
           scope_statement, start_date, end_date, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      rows: new ModelRowWriter(db),
    };
  }

  private write(id: string, title: string, doc: InterchangeDocument, at: string): void {
    this.stmts ??= this.prepare(this.ws.db);
    const s = this.stmts;
    const a = doc.assessment;
    s.assessment.run(
      id,
      title,
      a.organisation,
      a.site,
      a.status,
      JSON.stringify(a.assessors),
      JSON.stringify(a.catalogs),
      a.smsTargetMaturity,
      a.scopeStatement,
      a.startDate,
      a.endDate,
      a.createdAt,
      at,
    );
    for (const z of doc.zones) s.rows.zone(id, z);
    for (const c of doc.conduits) s.rows.conduit(id, c);
    for (const x of doc.assets) this.assets.insert(id, x);
    // Evidence comes as metadata only; its files arrive with an audit package.
    for (const e of doc.evidence) s.rows.evidence(id, e, at);
    for (const r of doc.responses) s.rows.response(id, r, at);
    for (const c of doc.compensatingControls) s.rows.control(id, c, at);
    for (const f of doc.findings) s.rows.finding(id, f, at);
    for (const g of doc.gapTracking) s.rows.gapTracking(id, g, at);
  }
}
