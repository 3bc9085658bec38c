import fs from 'node:fs';
import path from 'node:path';
import { type AuditEvent, GENESIS_HASH, trailScheme, verifyChain } from '../../../core/audit/auditChain';
import { TRAIL_HEAD_FIELD, trailHeadProblems } from '../../../core/audit/trailHead';
import {
  BAGIT_TXT,
  PACKAGE_FORMAT,
  parseBagInfo,
  parseManifest,
  payloadOxum,
  TAG_FILES,
  TAG_MANIFEST_COVERS,
} from '../../../core/package/bagit';
import type { SignerInfo, VerifyCheck, VerifyFile, VerifyReport } from '../../../shared/contract/packages';
import { sha256Hex } from '../hash';
import { fingerprintOf, parsePublicKeyPem, verifyBytes } from '../signing/keys';
import type { SignerTrust } from '../signing/signingService';
import { type BagContents, readBag } from './verifyRead';
import { DEFAULT_LIMITS, inspectZip, UnreadableZipError, type ZipLimits } from './zipInspect';

export interface VerifyOptions {
  limits?: Partial<ZipLimits>;
  /** Who a fingerprint belongs to (workspace trust list, own keys, --trust files). */
  trustOf?: (fingerprint: string) => SignerTrust;
  signal?: AbortSignal;
  onProgress?: (bytesDone: number, bytesTotal: number) => void;
}

const REQUIRED_BAG_INFO = [
  'Source-Organization',
  'Contact-Name',
  'External-Identifier',
  'External-Description',
  'Bagging-Date',
  'Payload-Oxum',
  'Bag-Software-Agent',
  'Zonewalk-Package-Format',
  'Zonewalk-Signer-Fingerprint',
  'Zonewalk-Redaction',
];

const REQUIRED_PAYLOAD = [
  'data/assessment.json',
  'data/gap-register.xlsx',
  'data/findings-report.pdf',
  'data/audit-trail.jsonl',
];

/** Collects checks and per-file lines; the verdict follows from them. */
class Report {
  readonly checks: VerifyCheck[] = [];
  readonly files: VerifyFile[] = [];
  readonly reasons: string[] = [];
  bagInfo: Record<string, string> = {};
  signer?: SignerInfo;
  bagName?: string;
  tagManifestSha256?: string;

  constructor(readonly file: string) {}

  check(id: string, label: string, problems: readonly string[], passDetail: string): boolean {
    const ok = problems.length === 0;
    this.checks.push({
      id,
      label,
      status: ok ? 'pass' : 'fail',
      detail: ok ? passDetail : problems.join(' '),
    });
    if (!ok) this.reasons.push(...problems);
    return ok;
  }

  warn(id: string, label: string, detail: string): void {
    this.checks.push({ id, label, status: 'warn', detail });
  }

  finish(readable: boolean): VerifyReport {
    const failed = this.checks.some((c) => c.status === 'fail');
    const verdict = !readable
      ? 'unreadable'
      : failed
        ? 'invalid'
        : this.signer?.trusted
          ? 'valid-trusted'
          : 'valid-untrusted';
    const exitCode = ({ 'valid-trusted': 0, 'valid-untrusted': 3, invalid: 1, unreadable: 2 } as const)[
      verdict
    ];
    return {
      file: this.file,
      verdict,
      exitCode,
      bagName: this.bagName,
      signer: this.signer,
      bagInfo: this.bagInfo,
      tagManifestSha256: this.tagManifestSha256,
      checks: this.checks,
      files: this.files,
      reasons: this.reasons,
    };
  }
}

function unreadable(file: string, why: string): VerifyReport {
  const r = new Report(file);
  r.check('zip', 'The file is a readable ZIP archive', [why], '');
  return r.finish(false);
}

/**
 * Verifies a package without extracting it: every check of audit-package.md plus what sha256sum
 * cannot do (unlisted files, Payload-Oxum, unsafe or duplicate paths, zip bombs, trust).
 */
export async function verifyPackage(file: string, opts: VerifyOptions = {}): Promise<VerifyReport> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const shown = path.basename(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return unreadable(file, `${file} does not exist or cannot be opened.`);
  }
  if (!stat.isFile()) return unreadable(file, `${file} is not a file.`);
  let inspected: Awaited<ReturnType<typeof inspectZip>>;
  try {
    inspected = await inspectZip(file, limits);
  } catch (err) {
    if (err instanceof UnreadableZipError) {
      return unreadable(
        file,
        `${shown} is not a readable ZIP file (${err.message}); it may be truncated or not a package at all.`,
      );
    }
    throw err;
  }
  const r = new Report(file);
  try {
    r.check('zip', 'The file is a readable ZIP archive', [], `${inspected.zip.entryCount} entries.`);
    if (
      !r.check(
        'zip-safety',
        'No unsafe entries, no zip bomb',
        inspected.problems,
        'All entries are plain files with safe, unique names within the size limits.',
      )
    ) {
      return r.finish(true);
    }
    const bag = await readBag(inspected, { limits, signal: opts.signal, onProgress: opts.onProgress });
    checkBag(r, bag, shown, opts.trustOf);
    return r.finish(true);
  } finally {
    inspected.zip.close();
  }
}

function checkBag(r: Report, bag: BagContents, shown: string, trustOf: VerifyOptions['trustOf']): void {
  const folderProblems: string[] = [];
  if (bag.topLevel.length !== 1) {
    folderProblems.push(
      bag.topLevel.length === 0
        ? 'The zip holds no folder; a package holds exactly one bag folder.'
        : `The zip holds ${bag.topLevel.length} top-level folders (${bag.topLevel.join(', ')}); a package holds exactly one.`,
    );
  }
  for (const f of bag.outside) folderProblems.push(`${f} lies outside the bag folder.`);
  if (!r.check('single-folder', 'Exactly one top-level folder', folderProblems, `${bag.bagName}/`)) return;
  r.bagName = bag.bagName;
  const expectedName = shown.replace(/\.zip$/i, '');
  if (expectedName !== bag.bagName) {
    r.warn(
      'folder-name',
      'Folder named like the file',
      `The folder is ${bag.bagName}, the file ${shown}: the file was renamed.`,
    );
  }

  for (const [p, why] of bag.unreadable) {
    r.files.push({ path: p, status: 'unreadable', detail: why });
  }
  r.check(
    'entries-readable',
    'Every entry can be read',
    [...bag.unreadable].map(([p, why]) => `${p} ${why}.`),
    'All entries were read to the end.',
  );

  const missingTags = Object.values(TAG_FILES).filter((t) => !bag.tags.has(t) && !bag.unreadable.has(t));
  const unexpected = [...bag.hashed.keys()].filter((p) => !p.startsWith('data/'));
  r.check(
    'layout',
    'Bag layout: the six tag files and data/, nothing else',
    [
      ...missingTags.map((t) => `${t} is missing.`),
      ...unexpected.map((p) => `${p} is not part of a package (nothing else may be in the bag).`),
    ],
    'bagit.txt, bag-info.txt, manifest-sha256.txt, signer.pub.pem, tagmanifest-sha256.txt, its .sig and data/.',
  );
  for (const p of unexpected)
    r.files.push({ path: p, status: 'unlisted', detail: 'not allowed in a package' });

  const bagit = bag.tags.get(TAG_FILES.bagit)?.toString('utf8');
  if (bagit !== undefined) {
    r.check(
      'bagit',
      'bagit.txt declares BagIt 1.0, UTF-8',
      bagit.replace(/\r\n/g, '\n') === BAGIT_TXT
        ? []
        : [`bagit.txt does not say "BagIt-Version: 1.0" and "Tag-File-Character-Encoding: UTF-8".`],
      'BagIt-Version: 1.0, Tag-File-Character-Encoding: UTF-8.',
    );
  }

  // The signer's key, then the signature over the exact bytes of the tag manifest.
  const pem = bag.tags.get(TAG_FILES.signerKey)?.toString('utf8');
  let fingerprint: string | undefined;
  let publicKey: ReturnType<typeof parsePublicKeyPem> | undefined;
  if (pem !== undefined) {
    const problems: string[] = [];
    try {
      publicKey = parsePublicKeyPem(pem, 'signer.pub.pem');
      fingerprint = fingerprintOf(publicKey);
    } catch (err) {
      problems.push((err as Error).message);
    }
    r.check('signer-key', 'signer.pub.pem is an Ed25519 public key', problems, fingerprint ?? '');
  }
  const tagManifest = bag.tags.get(TAG_FILES.tagManifest);
  const signature = bag.tags.get(TAG_FILES.signature);
  if (tagManifest) r.tagManifestSha256 = sha256Hex(tagManifest);
  if (publicKey && tagManifest && signature) {
    const problems: string[] = [];
    if (signature.length !== 64) {
      problems.push(`tagmanifest-sha256.txt.sig is ${signature.length} bytes; an Ed25519 signature is 64.`);
    } else if (!verifyBytes(publicKey, tagManifest, signature)) {
      problems.push(
        'The signature does not match tagmanifest-sha256.txt: the tag manifest or the signature was changed after signing, or another key signed it.',
      );
    }
    r.check(
      'signature',
      'Signature over tagmanifest-sha256.txt',
      problems,
      `Valid Ed25519 signature by ${fingerprint}.`,
    );
  }

  if (tagManifest) checkTagManifest(r, bag, tagManifest.toString('utf8'));
  const info = bag.tags.get(TAG_FILES.bagInfo);
  if (info) checkBagInfo(r, info.toString('utf8'), fingerprint);
  const manifest = bag.tags.get(TAG_FILES.manifest);
  if (manifest) checkPayload(r, bag, manifest.toString('utf8'));
  checkTrail(r, bag);

  if (fingerprint) {
    const trust = trustOf?.(fingerprint) ?? { trusted: false };
    r.signer = trust.trusted
      ? { fingerprint, trusted: true, name: trust.name, source: trust.source }
      : { fingerprint, trusted: false };
    if (trust.trusted) {
      r.checks.push({
        id: 'trust',
        label: 'Signer is trusted',
        status: 'pass',
        detail: `${fingerprint} is ${trust.source === 'own-key' ? 'your own key' : 'trusted as'} "${trust.name}".`,
      });
    } else {
      r.warn(
        'trust',
        'Signer is trusted',
        `${fingerprint} is not in your trust list. Compare it with the auditor out of band before you rely on the package.`,
      );
    }
  }
}

function checkTagManifest(r: Report, bag: BagContents, text: string): void {
  const parsed = parseManifest(text);
  const problems: string[] = parsed.badLines.map(
    (n) => `tagmanifest-sha256.txt line ${n} is not "<sha256>  <file>".`,
  );
  const listed = new Map(parsed.entries.map((e) => [e.path, e.sha256]));
  for (const name of TAG_MANIFEST_COVERS) {
    const bytes = bag.tags.get(name);
    const expected = listed.get(name);
    if (expected === undefined) {
      problems.push(`tagmanifest-sha256.txt does not cover ${name}.`);
      continue;
    }
    if (!bytes) {
      r.files.push({ path: name, status: 'missing', expected });
      continue;
    }
    const actual = sha256Hex(bytes);
    if (actual !== expected) {
      problems.push(`${name} was changed after signing (its hash is not the one in tagmanifest-sha256.txt).`);
      r.files.push({ path: name, status: 'changed', size: bytes.length, expected, actual });
    } else r.files.push({ path: name, status: 'ok', size: bytes.length, expected, actual });
  }
  for (const e of parsed.entries) {
    if (!(TAG_MANIFEST_COVERS as readonly string[]).includes(e.path)) {
      problems.push(`tagmanifest-sha256.txt lists ${e.path}, which is not a tag file of a package.`);
    }
  }
  r.check(
    'tag-manifest',
    'Tag files match tagmanifest-sha256.txt',
    problems,
    'bagit.txt, bag-info.txt, manifest-sha256.txt and signer.pub.pem are as signed.',
  );
}

function checkBagInfo(r: Report, text: string, fingerprint: string | undefined): void {
  const fields = parseBagInfo(text);
  r.bagInfo = Object.fromEntries([...fields].map(([k, v]) => [k, v.join('; ')]));
  const problems = REQUIRED_BAG_INFO.filter((f) => !fields.has(f)).map((f) => `bag-info.txt has no ${f}.`);
  // A reader that takes the first value and one that takes the last would read two packages.
  for (const f of REQUIRED_BAG_INFO) {
    const values = fields.get(f);
    if (values && values.length > 1) {
      problems.push(`bag-info.txt gives ${f} ${values.length} times; a package gives it once.`);
    }
  }
  r.check(
    'bag-info',
    'bag-info.txt has every required field, each once',
    problems,
    `Contact ${r.bagInfo['Contact-Name'] ?? '?'}, redaction ${r.bagInfo['Zonewalk-Redaction'] ?? '?'}.`,
  );
  const format = r.bagInfo['Zonewalk-Package-Format'];
  if (format !== undefined) {
    r.check(
      'format',
      'Package format version is known',
      format === PACKAGE_FORMAT
        ? []
        : [
            `The package says Zonewalk-Package-Format: ${format}; this Zonewalk reads format ${PACKAGE_FORMAT} only.`,
          ],
      `Format ${format}.`,
    );
  }
  const claimed = r.bagInfo['Zonewalk-Signer-Fingerprint'];
  if (claimed !== undefined && fingerprint) {
    r.check(
      'fingerprint',
      'bag-info.txt names the key that signed',
      claimed === fingerprint
        ? []
        : [`bag-info.txt names signer ${claimed}, but signer.pub.pem is ${fingerprint}.`],
      fingerprint,
    );
  }
}

function checkPayload(r: Report, bag: BagContents, text: string): void {
  const parsed = parseManifest(text);
  const problems: string[] = [
    ...parsed.badLines.map((n) => `manifest-sha256.txt line ${n} is not "<sha256>  data/<path>".`),
    ...parsed.duplicates.map((p) => `manifest-sha256.txt lists ${p} twice.`),
  ];
  const payload = new Map([...bag.hashed].filter(([p]) => p.startsWith('data/')));
  const listed = new Set<string>();
  for (const e of parsed.entries) {
    listed.add(e.path);
    if (!e.path.startsWith('data/')) {
      problems.push(`manifest-sha256.txt lists ${e.path}, which is outside data/.`);
      continue;
    }
    const got = payload.get(e.path);
    if (!got) {
      if (bag.unreadable.has(e.path)) continue;
      problems.push(`${e.path} is listed in the manifest but missing from the package.`);
      r.files.push({ path: e.path, status: 'missing', expected: e.sha256 });
    } else if (got.sha256 !== e.sha256) {
      problems.push(`${e.path} was changed (its SHA-256 is not the one in the manifest).`);
      r.files.push({
        path: e.path,
        status: 'changed',
        size: got.size,
        expected: e.sha256,
        actual: got.sha256,
      });
    } else
      r.files.push({ path: e.path, status: 'ok', size: got.size, expected: e.sha256, actual: got.sha256 });
  }
  for (const [p, got] of payload) {
    if (listed.has(p)) continue;
    problems.push(`${p} is in the package but not in the manifest (a file was added).`);
    r.files.push({ path: p, status: 'unlisted', size: got.size, actual: got.sha256 });
  }
  for (const p of REQUIRED_PAYLOAD) {
    if (!payload.has(p) && !listed.has(p) && !bag.unreadable.has(p))
      problems.push(`${p} is missing; every package has it.`);
  }
  r.check(
    'payload',
    'Every payload file matches manifest-sha256.txt',
    problems,
    `${parsed.entries.length} files, none changed, missing or added.`,
  );

  const oxum = r.bagInfo['Payload-Oxum'];
  if (oxum !== undefined) {
    let bytes = 0;
    for (const f of payload.values()) bytes += f.size;
    const actual = payloadOxum(bytes, payload.size);
    r.check(
      'payload-oxum',
      'Payload-Oxum matches the payload',
      oxum === actual
        ? []
        : [`bag-info.txt says Payload-Oxum ${oxum}, the payload is ${actual} (bytes.files).`],
      `${actual} (bytes.files).`,
    );
  }
}

function parseTrail(text: string): { events: AuditEvent[]; badLine?: number } {
  const events: AuditEvent[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (let i = 0; i < lines.length; i++) {
    try {
      const e = JSON.parse(lines[i]) as AuditEvent;
      if (typeof e.seq !== 'number' || typeof e.prev !== 'string' || typeof e.hash !== 'string') {
        return { events, badLine: i + 1 };
      }
      events.push(e);
    } catch {
      return { events, badLine: i + 1 };
    }
  }
  return { events };
}

/** The hash chain of the trail; in a redacted package only its links can be checked. */
function checkTrail(r: Report, bag: BagContents): void {
  const bytes = bag.documents.get('data/audit-trail.jsonl');
  if (!bytes) return;
  const { events, badLine } = parseTrail(bytes.toString('utf8'));
  if (badLine !== undefined) {
    r.check(
      'audit-trail',
      'Audit trail chain intact',
      [`data/audit-trail.jsonl line ${badLine} is not an audit event.`],
      '',
    );
    return;
  }
  checkTrailHead(r, events);
  const assessmentId = r.bagInfo['External-Identifier'];
  const redaction = r.bagInfo['Zonewalk-Redaction'] ?? 'none';
  if (redaction === 'none') {
    const v = verifyChain(events, sha256Hex, assessmentId);
    r.check(
      'audit-trail',
      'Audit trail chain intact',
      v.ok ? [] : [`The audit trail is broken at event ${v.brokenAt}: ${v.reason}.`],
      `${events.length} events, every hash recomputed.`,
    );
    return;
  }
  const first = events[0]?.prev ?? GENESIS_HASH;
  let prev = assessmentId && trailScheme(first, assessmentId, sha256Hex) ? first : GENESIS_HASH;
  const problems: string[] = [];
  events.forEach((e, i) => {
    if (problems.length) return;
    if (e.seq !== i + 1) problems.push(`The audit trail has event ${e.seq} where event ${i + 1} should be.`);
    else if (e.prev !== prev) problems.push(`Audit event ${e.seq} does not point to the event before it.`);
    prev = e.hash;
  });
  r.check(
    'audit-trail',
    'Audit trail chain intact',
    problems,
    `${events.length} events linked; contents redacted (${redaction}), so hashes were not recomputed.`,
  );
}

/**
 * The signed head in bag-info.txt against the trail in data/: a trail cut short or rewritten after
 * signing cannot match it. Packages made before Zonewalk recorded a head pass with a warning.
 */
function checkTrailHead(r: Report, events: readonly AuditEvent[]): void {
  const recorded = r.bagInfo[TRAIL_HEAD_FIELD];
  if (recorded === undefined) {
    r.warn(
      'trail-head',
      'The signed trail head matches the audit trail',
      `bag-info.txt records no ${TRAIL_HEAD_FIELD} (a package from an earlier Zonewalk): a trail shortened before signing cannot be told from a complete one.`,
    );
    return;
  }
  r.check(
    'trail-head',
    'The signed trail head matches the audit trail',
    trailHeadProblems(recorded, events),
    `Event ${recorded}.`,
  );
}
