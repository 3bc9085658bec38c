import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

describe('zonewalk CLI', () => {
  it('creates then lists an assessment in --data-dir', async () => {
    const dir = tempDir();
    const created = await cli(['--data-dir', dir, 'create', '--title', 'Pump station', '--site', 'East']);
    expect(created.code).toBe(0);
    const id = created.stdout.trim();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const listed = await cli(['list', '--data-dir', dir]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${id}\tPump station\tEast\tin-progress`);
    const json = JSON.parse((await cli(['--data-dir', dir, 'list', '--json'])).stdout);
    expect(json).toEqual([expect.objectContaining({ id, title: 'Pump station', site: 'East' })]);
  });

  it('takes the data dir from ZONEWALK_DATA_DIR', async () => {
    const dir = tempDir();
    expect((await cli(['create', '--title', 'Env'], { ZONEWALK_DATA_DIR: dir })).code).toBe(0);
    expect(fs.existsSync(path.join(dir, DB_FILE_NAME))).toBe(true);
  });

  it('prints help and exits 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Usage: zonewalk \[--data-dir DIR\] <command>/);
    expect(r.stdout).toContain('create --title T');
  });

  it('fails with one line on stderr and a non-zero code', async () => {
    const dir = tempDir();
    const unknown = await cli(['--data-dir', dir, 'frobnicate']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^zonewalk: unknown command 'frobnicate'/);
    const missing = await cli(['--data-dir', dir, 'create']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/create needs --title/);
    fs.writeFileSync(path.join(dir, DB_FILE_NAME), 'not sqlite at all, just text that is long enough');
    const corrupt = await cli(['--data-dir', dir, 'list']);
    expect(corrupt.code).toBe(1);
    expect(corrupt.stderr.trim().split('\n')).toHaveLength(1);
    expect(corrupt.stderr).toContain('is not a Zonewalk database');
  });

  it('runs as a built program on Node 22', () => {
    const bin = path.resolve('out/main/zonewalk.js');
    expect(fs.existsSync(bin), 'run npm run build first').toBe(true);
    const dir = tempDir();
    const id = execFileSync(process.execPath, [bin, '--data-dir', dir, 'create', '--title', 'Built'], {
      encoding: 'utf8',
    }).trim();
    const out = execFileSync(process.execPath, [bin, '--data-dir', dir, 'list'], { encoding: 'utf8' });
    expect(out).toContain(`${id}\tBuilt`);
    const bad = spawnSync(process.execPath, [bin, '--data-dir', dir, 'list', '--bogus'], {
      encoding: 'utf8',
    });
    expect(bad.status).toBe(2);
  });
});
