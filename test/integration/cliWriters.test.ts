import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/run';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { createServices } from '../../src/main/services';
import { tempDir } from '../helpers/workspace';

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, { env, stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

// Another process holding the workspace's write lock (BEGIN IMMEDIATE) until it reads a line on
// stdin or, when given, for a number of milliseconds (the CLI under test blocks this process's loop).
const HOLDER = `
const Database = require('better-sqlite3');
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
process.stdout.write('held\\n');
const done = () => { db.exec('COMMIT'); db.close(); process.exit(0); };
process.stdin.once('data', done);
if (process.argv[2]) setTimeout(done, Number(process.argv[2]));
`;

async function holdWriteLock(dataDir: string, forMs?: number): Promise<ChildProcess> {
  const args = ['-e', HOLDER, path.join(dataDir, DB_FILE_NAME), ...(forMs ? [String(forMs)] : [])];
  const child = spawn(process.execPath, args, {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve) => child.stdout?.once('data', () => resolve()));
  return child;
}

function release(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.stdin?.write('go\n');
  });
}

function workspaceWithOrphanBlob(): { dataDir: string; orphan: string } {
  const dataDir = tempDir('zonewalk-cli-writers-');
  const s = createServices(dataDir);
  s.assessments.create({ title: 'Pump station' });
  // A blob no row refers to: what the start-up clean-up of a writing command deletes.
  const orphan = s.evidence.blobs.blobPath('ab'.repeat(32));
  s.ws.close();
  fs.mkdirSync(path.dirname(orphan), { recursive: true });
  fs.writeFileSync(orphan, 'left by a crash');
  return { dataDir, orphan };
}

describe('the CLI beside another writer', () => {
  it('read-only commands neither clean up nor wait for the write lock', async () => {
    const { dataDir, orphan } = workspaceWithOrphanBlob();
    const holder = await holdWriteLock(dataDir);
    try {
      for (const args of [['list'], ['catalogs'], ['trail', 'verify', 'x']]) {
        const r = await cli(['--data-dir', dataDir, ...args], { ZONEWALK_WRITE_WAIT: '0' });
        expect(r.stderr).not.toContain('writing to this workspace');
      }
    } finally {
      await release(holder);
    }
    // With nobody else writing, a read-only command still leaves the store as it found it.
    expect((await cli(['--data-dir', dataDir, 'list'])).code).toBe(0);
    expect(fs.existsSync(orphan)).toBe(true);
  });

  it('a write waits with one line on stderr and goes through when the other writer finishes', async () => {
    const { dataDir } = workspaceWithOrphanBlob();
    await holdWriteLock(dataDir, 1500);
    const r = await cli(['--data-dir', dataDir, 'create', '--title', 'Second']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('zonewalk: Another Zonewalk is writing to this workspace; waiting…\n');
    expect((await cli(['--data-dir', dataDir, 'list'])).stdout).toContain('Second');
  });

  it('a write that waits past its bound exits non-zero with the sentence, never "database is locked"', async () => {
    const { dataDir } = workspaceWithOrphanBlob();
    const holder = await holdWriteLock(dataDir);
    try {
      const r = await cli(['--data-dir', dataDir, 'create', '--title', 'Blocked'], {
        ZONEWALK_WRITE_WAIT: '1',
      });
      expect(r.code).toBe(1);
      expect(r.stderr).not.toContain('locked');
      expect(r.stderr).not.toContain('unexpected');
      const lines = r.stderr.trim().split('\n');
      expect(lines).toEqual([
        'zonewalk: Another Zonewalk is writing to this workspace; waiting…',
        expect.stringContaining(
          'zonewalk: Another Zonewalk is writing to this workspace and did not finish in time.',
        ),
      ]);
    } finally {
      await release(holder);
    }
    expect((await cli(['--data-dir', dataDir, 'list'])).stdout).not.toContain('Blocked');
  });
});
