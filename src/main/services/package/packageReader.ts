import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { AuditEvent } from '../../../core/audit/auditChain';
import type { VerifyReport } from '../../../shared/contract/packages';
import { AppError } from '../../../shared/errors';
import { MAX_INTERCHANGE_BYTES } from '../../../shared/interchange';
import type { SignerTrust } from '../signing/signingService';
import { verifyPackage } from './verify';
import { MAX_DOCUMENT_BYTES } from './verifyRead';
import { inspectZip, openEntry } from './zipInspect';

/** A package that verified, with what import needs from it. */
export interface VerifiedPackage {
  file: string;
  report: VerifyReport;
  bagName: string;
  tagManifestSha256: string;
  signerFingerprint: string;
  signerTrusted: boolean;
  redaction: string;
  assessmentJson: string;
  trailJsonl: string;
  trail: AuditEvent[];
  /** data/evidence/<sha256>/<name> entries: the folder's hash and the manifest hash of the bytes. */
  evidence: { folderSha256: string; path: string; manifestSha256: string; size: number }[];
}

function expectedHashes(report: VerifyReport): Map<string, string> {
  return new Map(
    report.files.filter((f) => f.status === 'ok' && f.expected).map((f) => [f.path, f.expected!]),
  );
}

async function readAll(stream: Readable, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new AppError('too-large', `${what} is larger than ${limit} bytes.`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * Verifies a package and reads its assessment and audit trail. Import never reads anything from a
 * package that did not verify; what it reads again is checked against the verified manifest, so a
 * file swapped in between verification and reading is refused too.
 */
export async function openVerifiedPackage(
  file: string,
  trustOf: (fingerprint: string) => SignerTrust,
): Promise<VerifiedPackage> {
  const report = await verifyPackage(file, { trustOf });
  if (report.verdict === 'invalid' || report.verdict === 'unreadable') {
    throw new AppError(
      'invalid-file',
      `The package does not verify, so nothing was imported: ${report.reasons[0] ?? 'a check failed'}`,
      report,
    );
  }
  const bagName = report.bagName!;
  const hashes = expectedHashes(report);
  const docs = await readEntries(file, bagName, hashes, ['data/assessment.json', 'data/audit-trail.jsonl']);
  const trailJsonl = docs.get('data/audit-trail.jsonl')!.toString('utf8');
  const trail = trailJsonl
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as AuditEvent);
  const evidence = report.files
    .filter((f) => /^data\/evidence\/[0-9a-f]{64}\/[^/]+$/.test(f.path))
    .map((f) => ({
      folderSha256: f.path.split('/')[2],
      path: f.path,
      manifestSha256: f.expected!,
      size: f.size ?? 0,
    }));
  return {
    file,
    report,
    bagName,
    tagManifestSha256: report.tagManifestSha256!,
    signerFingerprint: report.signer!.fingerprint,
    signerTrusted: report.signer!.trusted,
    redaction: report.bagInfo['Zonewalk-Redaction'] ?? 'none',
    assessmentJson: docs.get('data/assessment.json')!.toString('utf8'),
    trailJsonl,
    trail,
    evidence,
  };
}

async function readEntries(
  file: string,
  bagName: string,
  hashes: Map<string, string>,
  wanted: readonly string[],
): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  await eachEntry(file, bagName, wanted, async (p, stream) => {
    const limit = p === 'data/assessment.json' ? MAX_INTERCHANGE_BYTES : MAX_DOCUMENT_BYTES;
    const bytes = await readAll(stream, limit, p);
    checkHash(p, createHash('sha256').update(bytes).digest('hex'), hashes);
    out.set(p, bytes);
  });
  for (const p of wanted) if (!out.has(p)) throw changedMeanwhile(p);
  return out;
}

export function checkHash(p: string, actual: string, hashes: Map<string, string>): void {
  if (hashes.get(p) !== actual) throw changedMeanwhile(p);
}

function changedMeanwhile(p: string): AppError {
  return new AppError('invalid-file', `${p} changed after the package was verified. Nothing was imported.`);
}

/** Streams the named entries of the bag (paths inside the bag) to `each`, one at a time. */
export async function eachEntry(
  file: string,
  bagName: string,
  paths: readonly string[],
  each: (pathInBag: string, stream: Readable) => Promise<void>,
): Promise<void> {
  const wanted = new Set(paths);
  const inspected = await inspectZip(file);
  try {
    if (inspected.problems.length) throw new AppError('invalid-file', inspected.problems[0]);
    for (const e of inspected.entries) {
      const inBag = e.name.startsWith(`${bagName}/`) ? e.name.slice(bagName.length + 1) : '';
      if (!wanted.has(inBag)) continue;
      await each(inBag, await openEntry(inspected.zip, e.entry));
    }
  } finally {
    inspected.zip.close();
  }
}
