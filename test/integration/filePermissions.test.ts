import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { exporterFor, PASS, twoAuditors } from '../helpers/twoAuditors';
import { tempDir } from '../helpers/workspace';

const modeOf = (p: string) => (fs.statSync(p).mode & 0o7777).toString(8);

// The umask most Linux desktops run with: without care, files come out 0644 and folders 0755.
let savedUmask: number;
beforeEach(() => {
  savedUmask = process.umask(0o022);
});
afterEach(() => {
  process.umask(savedUmask);
});

describe('files other users of the machine cannot read (POSIX modes; the suite runs on Linux)', () => {
  it('a new workspace is 0700, its database (with -wal and -shm) 0600, evidence folders 0700 and files 0400', async () => {
    const dir = path.join(tempDir(), 'workspace');
    const s = createServices(dir);
    try {
      const a = s.assessments.create({ title: 'Private' });
      const added = await s.evidence.addNote(a.id, { text: 'cabinet 3 is unlocked' });
      const db = path.join(dir, DB_FILE_NAME);
      expect(modeOf(dir)).toBe('700');
      for (const f of [db, `${db}-wal`, `${db}-shm`]) expect(modeOf(f), f).toBe('600');
      const blob = s.evidence.blobs.blobPath(added.item.sha256);
      expect(modeOf(blob)).toBe('400');
      expect(modeOf(path.dirname(blob))).toBe('700');
      expect(modeOf(path.join(dir, 'evidence'))).toBe('700');
    } finally {
      s.ws.close();
    }
  });

  it('a database an older version left 0644 is tightened to 0600 when it opens', () => {
    const dir = tempDir();
    createServices(dir).ws.close();
    const db = path.join(dir, DB_FILE_NAME);
    fs.chmodSync(db, 0o644);
    createServices(dir).ws.close();
    expect(modeOf(db)).toBe('600');
  });

  it('packages, reports and JSON exports are 0600, in the exports folder and in a folder of your own', async () => {
    const t = twoAuditors();
    const own = tempDir();
    const pkg = await exporterFor(t.jonas.services).exportNow({
      assessmentId: t.assessmentId,
      outputs: { package: true, gapRegister: true, report: true },
      redaction: 'none',
      keyName: 'Jonas',
      passphrase: PASS,
      outDir: own,
    });
    expect(pkg.files.map((f) => [f.kind, modeOf(f.path)])).toEqual([
      ['package', '600'],
      ['gap-register', '600'],
      ['report', '600'],
    ]);
    const report = await t.jonas.services.reports.export('gap-register', t.assessmentId);
    expect(path.dirname(report.path)).toBe(path.join(t.jonas.dir, 'exports'));
    expect(modeOf(path.dirname(report.path))).toBe('700');
    expect(modeOf(report.path)).toBe('600');
    t.jonas.services.ws.close();
    const json = path.join(own, 'assessment.json');
    const r = await runCli(['--data-dir', t.jonas.dir, 'export', 'json', t.assessmentId, '--out', json], {
      env: {},
      stdout: () => {},
      stderr: () => {},
    });
    expect(r).toBe(0);
    expect(modeOf(json)).toBe('600');
  });

  it('a shared folder (set-group-ID) gets files readable as its umask says', async () => {
    const t = twoAuditors();
    const shared = tempDir();
    fs.chmodSync(shared, 0o2775);
    const pkg = await exporterFor(t.jonas.services).exportNow({
      assessmentId: t.assessmentId,
      outputs: { package: true, gapRegister: false, report: false },
      redaction: 'none',
      keyName: 'Jonas',
      passphrase: PASS,
      outDir: shared,
    });
    expect(modeOf(pkg.files[0].path)).toBe('644');
  });
});
