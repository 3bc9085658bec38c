import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env: {}, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('zonewalk demo, export and import', () => {
  it('demo -> export json --out -> import into another workspace -> export is identical', async () => {
    const dir = tempDir();
    const demo = await cli(['--data-dir', dir, 'demo']);
    expect(demo.code).toBe(0);
    const id = demo.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const out = path.join(tempDir(), 'plant.json');
    const exported = await cli(['--data-dir', dir, 'export', 'json', id, '--out', out]);
    expect(exported).toEqual({ code: 0, stdout: '', stderr: '' });
    const text = fs.readFileSync(out, 'utf8');
    expect(JSON.parse(text).assessment.id).toBe(id);
    expect(fs.readdirSync(path.dirname(out))).toEqual(['plant.json']); // no temp file left behind

    const other = tempDir();
    const imported = await cli(['--data-dir', other, 'import', out]);
    expect(imported).toEqual({ code: 0, stdout: `${id}\n`, stderr: '' });
    const again = await cli(['--data-dir', other, 'export', 'json', id]);
    expect(again.stdout).toBe(text);

    const clash = await cli(['--data-dir', other, 'import', out]);
    expect(clash.code).toBe(1);
    expect(clash.stderr).toMatch(/^zonewalk: An assessment with id .* already exists.*--as-copy/);
    expect(clash.stderr.trim().split('\n')).toHaveLength(1);
    const copy = await cli(['--data-dir', other, 'import', out, '--as-copy']);
    expect(copy.code).toBe(0);
    expect(copy.stdout.trim()).not.toBe(id);
  });

  it('names the JSON path of a bad document in one line, exit 1, nothing imported', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'bad.json');
    fs.writeFileSync(
      file,
      JSON.stringify({
        format: 'zonewalk.assessment/1',
        assessment: {
          id: 'x',
          title: 'X',
          organisation: '',
          site: '',
          assessors: [],
          createdAt: '2026-11-26T08:00:00Z',
          status: 'final',
          catalogs: [],
          smsTargetMaturity: 3,
        },
        zones: [
          {
            id: 'z',
            name: 'Z',
            description: '',
            slTarget: { FR1: 1, FR2: 1, FR3: 9, FR4: 1, FR5: 1, FR6: 1, FR7: 1 },
          },
        ],
        conduits: [],
        assets: [],
        responses: [],
        findings: [],
        evidence: [],
      }),
    );
    const r = await cli(['--data-dir', dir, 'import', file]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `zonewalk: ${file} is not a valid Zonewalk assessment: zones[0].slTarget.FR3: SL values are whole numbers from 0 to 4.\n`,
    );
    expect((await cli(['--data-dir', dir, 'list', '--json'])).stdout).toBe('[]\n');
    const missing = await cli(['--data-dir', dir, 'import', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/nope\.json does not exist/);
  });

  it('answers wrong invocations with exit 2 and the usage', async () => {
    const dir = tempDir();
    expect((await cli(['--data-dir', dir, 'import'])).code).toBe(2);
    expect((await cli(['--data-dir', dir, 'export', 'xml', 'x'])).stderr).toMatch(
      /export knows the formats json, xlsx and pdf/,
    );
    expect((await cli(['--data-dir', dir, 'export', 'json'])).code).toBe(2);
    expect((await cli(['--data-dir', dir, 'demo', '--seed', 'abc'])).code).toBe(2);
    const unknown = await cli([
      '--data-dir',
      dir,
      'export',
      'json',
      'nope',
      '--out',
      path.join(dir, 'x.json'),
    ]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/No assessment with id nope/);
    expect(fs.existsSync(path.join(dir, 'x.json'))).toBe(false);
  });

  it('reports a folder it cannot write to in one line', async () => {
    const dir = tempDir();
    const id = (await cli(['--data-dir', dir, 'demo'])).stdout.trim();
    const r = await cli([
      '--data-dir',
      dir,
      'export',
      'json',
      id,
      '--out',
      path.join(dir, 'no', 'such', 'dir', 'x.json'),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`zonewalk: The folder ${path.join(dir, 'no', 'such', 'dir')} does not exist.\n`);
  });

  it('runs demo, export and import as the built program', () => {
    const bin = path.resolve('out/main/zonewalk.js');
    expect(fs.existsSync(bin), 'run npm run build first').toBe(true);
    const dir = tempDir();
    const run = (args: string[]) =>
      execFileSync(process.execPath, [bin, '--data-dir', dir, ...args], { encoding: 'utf8' });
    const id = run(['demo']).trim();
    const out = path.join(dir, 'demo.json');
    run(['export', 'json', id, '--out', out]);
    const other = tempDir();
    const imported = execFileSync(process.execPath, [bin, '--data-dir', other, 'import', out], {
      encoding: 'utf8',
    });
    expect(imported.trim()).toBe(id);
    const bad = spawnSync(process.execPath, [bin, '--data-dir', other, 'import', out], { encoding: 'utf8' });
    expect(bad.status).toBe(1);
  });
});
