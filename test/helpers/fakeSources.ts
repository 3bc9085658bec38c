import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Writable } from 'node:stream';
import type { AuditEvent } from '../../src/core/audit/auditChain';
import type {
  ExportDocument,
  ExportSources,
  ReportContext,
} from '../../src/main/services/package/exportSources';

/** Sources for export tests: a small document, files in a folder, reports that record their context. */
export function fakeSources(dir: string, trail: () => AuditEvent[] = () => []) {
  const store = path.join(dir, 'store');
  fs.mkdirSync(store, { recursive: true });
  const evidence: ExportDocument['evidence'] = [];
  const addEvidence = (fileName: string, bytes: Buffer = randomBytes(10_000)) => {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    fs.writeFileSync(path.join(store, sha256), bytes);
    const mediaType = /\.jpe?g$/i.test(fileName) ? 'image/jpeg' : 'application/octet-stream';
    evidence.push({ sha256, fileName, mediaType, size: bytes.length });
    return sha256;
  };
  const reports: { kind: string; ctx: ReportContext; doc: ExportDocument }[] = [];
  const doc = (): ExportDocument => ({
    format: 'zonewalk.assessment/1',
    assessment: {
      id: 'a-1',
      title: 'Waterworks Nord 2026',
      organisation: 'Stadtwerke Nord',
      site: 'Nordhafen',
      assessors: [],
    },
    zones: [{ id: 'z1' }, { id: 'z2' }],
    conduits: [{ id: 'c1', zones: ['z1', 'z2'] }],
    assets: [
      { id: 'plc1', zone: 'z1', vendor: 'Siemens' },
      { id: 'sw1', zone: 'z2', vendor: 'Cisco' },
    ],
    responses: [
      {
        scope: { kind: 'asset', id: 'plc1' },
        requirement: 'CR 1.1',
        evidence: evidence.slice(0, 1).map((e) => e.sha256),
      },
      {
        scope: { kind: 'asset', id: 'sw1' },
        requirement: 'CR 1.1',
        evidence: evidence.slice(1).map((e) => e.sha256),
      },
    ],
    findings: [],
    evidence: [...evidence],
  });
  const writer =
    (kind: string) =>
    async (d: ExportDocument, ctx: ReportContext, out: Writable): Promise<void> => {
      reports.push({ kind, ctx, doc: d });
      await new Promise<void>((resolve, reject) =>
        out.write(
          `${kind} for ${d.assessment.title} (${ctx.redaction}) ${ctx.signer?.fingerprint ?? ''}`,
          (e) => (e ? reject(e) : resolve()),
        ),
      );
    };
  const sources: ExportSources = {
    document: doc,
    serialize: (d) => [`${JSON.stringify(d, null, 2)}\n`],
    trail,
    evidencePath: (sha) => path.join(store, sha),
    evidenceStream: (sha) => fs.createReadStream(path.join(store, sha)),
    writeGapRegister: writer('gap-register'),
    writeFindingsReport: writer('report'),
  };
  return { sources, addEvidence, reports, store };
}
