import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExportService } from '../../src/main/services/package/exportService';
import { trustResolver } from '../../src/main/services/package/trust';
import { verifyPackage } from '../../src/main/services/package/verify';
import { AppError } from '../../src/shared/errors';
import { fakeSources } from '../helpers/fakeSources';
import { listFiles, unzipInto } from '../helpers/packages';
import { withTmpfs } from '../helpers/tmpfs';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

const PASS = 'correct horse battery';

function setup() {
  const { services, dir } = openTestWorkspace();
  const a = services.assessments.create({ title: 'Waterworks Nord 2026' }, 'a-1');
  const fake = fakeSources(dir, () => services.ws.trail.list(a.id));
  const exports = new ExportService(services.ws, services.signing, fake.sources, () => {});
  const key = services.signing.create('Ana Kovač', PASS);
  return { services, exports, key, fake, out: tempDir() };
}

describe('exporting an assessment', () => {
  it('writes a signed package, gap register and report; the package verifies; the export is an audit event', async () => {
    const { services, exports, key, fake, out } = setup();
    fake.addEvidence('cabinet 3.jpg');
    fake.addEvidence('switch/config?.txt');
    const seen: number[] = [];
    const result = await exports.exportNow(
      {
        assessmentId: 'a-1',
        outputs: { package: true, gapRegister: true, report: true },
        redaction: 'none',
        keyName: 'Ana Kovač',
        passphrase: PASS,
        outDir: out,
      },
      (s) => seen.push(s.bytesDone),
    );
    expect(result.signerFingerprint).toBe(key.fingerprint);
    expect(result.files.map((f) => f.kind)).toEqual(['package', 'gap-register', 'report']);
    expect(fs.readdirSync(out).sort()).toEqual(result.files.map((f) => path.basename(f.path)).sort());
    const pkg = result.files[0].path;
    expect(path.basename(pkg)).toMatch(/^waterworks-nord-2026_\d{8}T\d{6}Z\.audit\.zip$/);
    // In a package the PDF is rendered first (it is the heaviest; ExcelJS loads after it).
    expect(fake.reports.map((r) => [r.kind, r.ctx.redaction, r.ctx.signer?.fingerprint])).toEqual([
      ['report', 'none', key.fingerprint],
      ['gap-register', 'none', key.fingerprint],
    ]);

    const report = await verifyPackage(pkg, { trustOf: trustResolver(services.signing) });
    expect(report.reasons).toEqual([]);
    expect(report.exitCode).toBe(0);
    expect(report.signer).toMatchObject({ trusted: true, name: 'Ana Kovač', source: 'own-key' });
    const work = tempDir();
    unzipInto(pkg, work);
    const bag = path.join(work, path.basename(pkg, '.zip'));
    const files = listFiles(bag);
    expect(files.filter((f) => f.startsWith('data/evidence/'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^data\/evidence\/[0-9a-f]{64}\/cabinet 3\.jpg$/),
        expect.stringMatching(/\/switch_config_\.txt$/),
      ]),
    );
    const trail = fs
      .readFileSync(path.join(bag, 'data/audit-trail.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(Object.keys(trail[0])).toEqual([
      'seq',
      'at',
      'actor',
      'action',
      'entity',
      'entityId',
      'data',
      'prev',
      'hash',
    ]);
    expect(trail.map((e) => e.action)).toEqual(['assessment.created']);
    expect(fs.readFileSync(path.join(bag, 'bag-info.txt'), 'utf8')).toContain('External-Identifier: a-1\n');
    const events = services.ws.trail.list('a-1');
    expect(events.at(-1)).toMatchObject({
      action: 'package.exported',
      data: {
        file: path.basename(pkg),
        tagManifestSha256: result.tagManifestSha256,
        signer: key.fingerprint,
        redaction: 'none',
      },
    });
    expect(JSON.stringify(events)).not.toContain(PASS);
  });

  it('refuses a wrong passphrase at once: no job, no file', async () => {
    const { exports, out } = setup();
    expect(() =>
      exports.start({
        assessmentId: 'a-1',
        outputs: { package: true, gapRegister: false, report: false },
        redaction: 'none',
        keyName: 'Ana Kovač',
        passphrase: 'wrong passphrase',
        outDir: out,
      }),
    ).toThrow(new AppError('unauthorized', 'The passphrase for signing key "Ana Kovač" is wrong.'));
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('fails naming an evidence file missing from the store, and leaves nothing', async () => {
    const { exports, fake, out, services } = setup();
    const sha = fake.addEvidence('pump photo.jpg');
    fs.rmSync(path.join(fake.store, sha));
    const before = services.ws.trail.list('a-1').length;
    await expect(
      exports.exportNow({
        assessmentId: 'a-1',
        outputs: { package: true, gapRegister: true, report: false },
        redaction: 'none',
        keyName: 'Ana Kovač',
        passphrase: PASS,
        outDir: out,
      }),
    ).rejects.toThrow(`Evidence file "pump photo.jpg" (sha256 ${sha}) is missing from the evidence store`);
    expect(fs.readdirSync(out)).toEqual([]);
    expect(services.ws.trail.list('a-1')).toHaveLength(before);
  });

  it('cancels a running export and leaves nothing', async () => {
    const { exports, fake, out } = setup();
    for (let i = 0; i < 40; i++) fake.addEvidence(`photo ${i}.jpg`, Buffer.alloc(2_000_000, i));
    const started = exports.start({
      assessmentId: 'a-1',
      outputs: { package: true, gapRegister: true, report: true },
      redaction: 'none',
      keyName: 'Ana Kovač',
      passphrase: PASS,
      outDir: out,
    });
    await expect.poll(() => exports.jobs.status(started.jobId).bytesDone, { interval: 1 }).toBeGreaterThan(0);
    const end = await exports.jobs.cancel(started.jobId);
    expect(end.state).toBe('cancelled');
    expect(end.error?.message).toBe('The export was cancelled. Nothing was written.');
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('management profile: no evidence files, masked text; vendor profile: one vendor only', async () => {
    const { exports, fake, out, services } = setup();
    fake.addEvidence('siemens.jpg');
    fake.addEvidence('cisco.jpg');
    const mgmt = await exports.exportNow({
      assessmentId: 'a-1',
      outputs: { package: true, gapRegister: false, report: true },
      redaction: 'management',
      keyName: 'Ana Kovač',
      passphrase: PASS,
      outDir: out,
    });
    expect(mgmt.redaction).toBe('management');
    const w1 = tempDir();
    unzipInto(mgmt.files[0].path, w1);
    const bag1 = path.join(w1, fs.readdirSync(w1)[0]);
    expect(listFiles(bag1).filter((f) => f.startsWith('data/evidence'))).toEqual([]);
    expect(fs.readFileSync(path.join(bag1, 'bag-info.txt'), 'utf8')).toContain(
      'Zonewalk-Redaction: management\n',
    );
    expect(fake.reports.at(-1)?.ctx.redaction).toBe('management');
    const r1 = await verifyPackage(mgmt.files[0].path, { trustOf: trustResolver(services.signing) });
    expect(r1.reasons).toEqual([]);
    expect(r1.checks.find((c) => c.id === 'audit-trail')?.detail).toMatch(/redacted \(management\)/);

    const vendor = await exports.exportNow({
      assessmentId: 'a-1',
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'vendor',
      vendor: 'siemens',
      keyName: 'Ana Kovač',
      passphrase: PASS,
      outDir: path.join(out, 'v'),
    });
    const w2 = tempDir();
    unzipInto(vendor.files[0].path, w2);
    const bag2 = path.join(w2, fs.readdirSync(w2)[0]);
    const doc = JSON.parse(fs.readFileSync(path.join(bag2, 'data/assessment.json'), 'utf8'));
    expect(doc.assets.map((a: { id: string }) => a.id)).toEqual(['plc1']);
    expect(doc.conduits).toEqual([]);
    expect(listFiles(bag2).filter((f) => f.startsWith('data/evidence'))).toEqual([
      expect.stringMatching(/\/siemens\.jpg$/),
    ]);
    expect(fs.readFileSync(path.join(bag2, 'bag-info.txt'), 'utf8')).toContain(
      'Zonewalk-Redaction: vendor (siemens)\n',
    );
    expect(() =>
      exports.start({
        assessmentId: 'a-1',
        outputs: { package: false, gapRegister: true, report: false },
        redaction: 'vendor',
        vendor: 'ABB',
      }),
    ).toThrow('No asset of this assessment has the vendor "ABB".');
  });
});

describe('the package writer', () => {
  const diskPayload = (file: string, size = fs.statSync(file).size) => ({
    path: `evidence/x/${path.basename(file)}`,
    size,
    diskPath: file,
    open: () => fs.createReadStream(file),
  });

  it('fails naming a file that vanished while packaging, and leaves no temp file', async () => {
    const { writeTestPackage, testPayload } = await import('../helpers/packages');
    const dir = tempDir();
    const out = tempDir();
    const file = path.join(dir, 'photo.jpg');
    fs.writeFileSync(file, Buffer.alloc(1000, 7));
    const payload = [...testPayload(), diskPayload(file)];
    fs.rmSync(file);
    await expect(writeTestPackage(out, { files: payload })).rejects.toThrow(
      /^data\/evidence\/x\/photo\.jpg is missing from the evidence store \(.*photo\.jpg\)\. The package was not written/,
    );
    expect(fs.readdirSync(out)).toEqual([]);
  });

  it('fails naming a file that grew or shrank after it was listed, and leaves no temp file', async () => {
    const { writeTestPackage, testPayload } = await import('../helpers/packages');
    const dir = tempDir();
    const out = tempDir();
    for (const [listed, actual, read] of [
      [1000, 1500, 1001],
      [1000, 600, 600],
    ]) {
      const file = path.join(dir, `log-${listed}-${actual}.bin`);
      fs.writeFileSync(file, Buffer.alloc(actual, 1));
      await expect(
        writeTestPackage(out, { files: [...testPayload(), diskPayload(file, listed)] }),
      ).rejects.toThrow(
        `data/evidence/x/${path.basename(file)} changed while it was being packaged (${listed} bytes expected, ${read} read). Nothing was written; try again.`,
      );
      expect(fs.readdirSync(out)).toEqual([]);
    }
  });

  it('a full disk for real: the package on a 4 MiB tmpfs fails saying so and leaves nothing', async () => {
    const { writeTestPackage, testPayload } = await import('../helpers/packages');
    const { bufferFile } = await import('../../src/main/services/package/payload');
    await withTmpfs('size=4m', async (mnt) => {
      const dir = tempDir();
      const disk = [0, 1, 2].map((i) => {
        const file = path.join(dir, `dump-${i}.bin`);
        fs.writeFileSync(file, Buffer.alloc(2 * 1024 * 1024, i + 1));
        return diskPayload(file);
      });
      // Evidence written by the worker threads, then a large file written by the main thread.
      for (const files of [
        [...disk, ...testPayload()],
        [...testPayload(), bufferFile('evidence/y/capture.pcap', Buffer.alloc(6 * 1024 * 1024, 7), false)],
      ]) {
        const err = await writeTestPackage(mnt, { files }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(AppError);
        expect((err as AppError).code).toBe('disk-full');
        expect((err as AppError).message).toMatch(
          /^The disk is full while writing .*\.audit\.zip\. Free some space and try again\.$/,
        );
        expect(fs.readdirSync(mnt)).toEqual([]);
      }
      // Once it fits, the same folder takes a package.
      const ok = await writeTestPackage(mnt);
      expect(fs.readdirSync(mnt)).toEqual([path.basename(ok.path)]);
    });
  });

  it('copies hundreds of disk files in parallel into a zip that unzip -t and the manifest both accept', async () => {
    const { writeTestPackage, testPayload } = await import('../helpers/packages');
    const dir = tempDir();
    const out = tempDir();
    const disk = Array.from({ length: 300 }, (_, i) => {
      const file = path.join(dir, `f${i}.bin`);
      // Sizes around the 1 MiB read chunk and tiny ones, each file different.
      const size = [1, 1024 * 1024 - 1, 1024 * 1024, 1024 * 1024 + 1, 4096][i % 5];
      fs.writeFileSync(file, Buffer.alloc(size, i % 251));
      return diskPayload(file);
    });
    const written = await writeTestPackage(out, { files: [...disk, ...testPayload()] });
    execFileSync('unzip', ['-tq', written.path]);
    const bag = path.join(tempDir(), 'x');
    unzipInto(written.path, path.dirname(bag));
    const root = path.join(path.dirname(bag), written.bagName);
    execFileSync('sha256sum', ['-c', '--quiet', 'manifest-sha256.txt'], { cwd: root });
    for (const f of disk.slice(0, 10)) {
      expect(fs.readFileSync(path.join(root, 'data', f.path)).equals(fs.readFileSync(f.diskPath))).toBe(true);
    }
  });
});
