import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { ExportService } from '../../src/main/services/package/exportService';
import { trustResolver } from '../../src/main/services/package/trust';
import { verifyPackage } from '../../src/main/services/package/verify';
import type { ExportRequest } from '../../src/shared/contract/exports';
import { fakeSources } from '../helpers/fakeSources';
import { tempDir } from '../helpers/workspace';

const PASS = 'correct horse battery';
/** Every export of these tests happens in the same second, so all want the same file names. */
const SAME_SECOND = '2026-11-27T15:30:00.000Z';

function setup() {
  const dir = tempDir();
  const services = createServices(dir, { now: () => SAME_SECOND });
  const a = services.assessments.create({ title: 'Waterworks Nord 2026' }, 'a-1');
  const fake = fakeSources(dir, () => services.ws.trail.list(a.id));
  for (let i = 0; i < 20; i++) fake.addEvidence(`cabinet ${i}.jpg`);
  const exports = new ExportService(services.ws, services.signing, fake.sources, () => {});
  services.signing.create('Ana Kovač', PASS);
  return { services, exports, out: tempDir() };
}

const request = (out: string, outputs: ExportRequest['outputs']): ExportRequest => ({
  assessmentId: 'a-1',
  outputs,
  redaction: 'none',
  keyName: 'Ana Kovač',
  passphrase: PASS,
  outDir: out,
});

describe('exports of one assessment in the same second', () => {
  it.each([
    ['packages', { package: true, gapRegister: false, report: false }],
    ['packages with their reports', { package: true, gapRegister: true, report: true }],
  ])(
    'two concurrent %s are two sets of files, each verifying, and the trail names both',
    async (_, outputs) => {
      const { services, exports, out } = setup();
      try {
        const [first, second] = await Promise.all([
          exports.exportNow(request(out, outputs)),
          exports.exportNow(request(out, outputs)),
        ]);
        const written = [...first.files, ...second.files].map((f) => path.basename(f.path));
        expect(new Set(written).size).toBe(outputs.report ? 6 : 2);
        expect(fs.readdirSync(out).sort()).toEqual([...written].sort());
        const packages = [first.files[0].path, second.files[0].path];
        expect(packages.map((p) => path.basename(p)).sort()).toEqual([
          'waterworks-nord-2026_20261127T153000Z-2.audit.zip',
          'waterworks-nord-2026_20261127T153000Z.audit.zip',
        ]);
        const events = services.ws.trail.list('a-1').filter((e) => e.action === 'package.exported');
        for (const p of packages) {
          const report = await verifyPackage(p, { trustOf: trustResolver(services.signing) });
          const event = events.find((e) => (e.data as { file: string }).file === path.basename(p));
          expect(event?.data).toMatchObject({ tagManifestSha256: report.tagManifestSha256 });
          expect(report.reasons).toEqual([]);
          expect(report.checks.filter((c) => c.status === 'warn')).toEqual([]);
        }
        expect(events.map((e) => (e.data as { file: string }).file).sort()).toEqual(
          packages.map((p) => path.basename(p)).sort(),
        );
      } finally {
        services.ws.close();
      }
    },
    60_000,
  );

  it('a later export in the same second takes the next free name; reports alone too', async () => {
    const { services, exports, out } = setup();
    try {
      const reportsOnly = { package: false, gapRegister: true, report: true };
      const runs = [];
      for (let i = 0; i < 3; i++) runs.push(await exports.exportNow(request(out, reportsOnly)));
      expect(runs.map((r) => r.files.map((f) => path.basename(f.path)))).toEqual([
        [
          'waterworks-nord-2026_20261127T153000Z_gap-register.xlsx',
          'waterworks-nord-2026_20261127T153000Z_findings-report.pdf',
        ],
        [
          'waterworks-nord-2026_20261127T153000Z-2_gap-register.xlsx',
          'waterworks-nord-2026_20261127T153000Z-2_findings-report.pdf',
        ],
        [
          'waterworks-nord-2026_20261127T153000Z-3_gap-register.xlsx',
          'waterworks-nord-2026_20261127T153000Z-3_findings-report.pdf',
        ],
      ]);
      expect(fs.readdirSync(out)).toHaveLength(6);
    } finally {
      services.ws.close();
    }
  }, 60_000);
});
