import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquireWorkspaceLock, LOCK_FILE_NAME } from '../../src/main/workspaceLock';
import { tempDir } from '../helpers/workspace';

const holder = (pid: number, host = os.hostname()) =>
  JSON.stringify({ pid, host, since: '2026-12-02T08:00:00.000Z' });

describe('per-workspace lock file', () => {
  it('lets one process hold a workspace and refuses a second until it is released', () => {
    const dir = tempDir();
    const lock = acquireWorkspaceLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    expect((fs.statSync(lock.file).mode & 0o777).toString(8)).toBe('600');
    // A second app (another process) finds the lock of a live process: here, this one.
    fs.writeFileSync(lock.file, holder(process.ppid));
    expect(() => acquireWorkspaceLock(dir)).toThrow(/already open in another Zonewalk \(process \d+/);
    fs.writeFileSync(lock.file, holder(process.pid));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(false);
    acquireWorkspaceLock(dir).release();
  });

  it('takes over a lock whose process has ended, and refuses one from another machine', () => {
    const dir = tempDir();
    const ended = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), holder(Number(ended.stdout)));
    const lock = acquireWorkspaceLock(dir);
    expect(JSON.parse(fs.readFileSync(lock.file, 'utf8')).pid).toBe(process.pid);
    lock.release();

    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), holder(1, 'field-laptop-7'));
    expect(() => acquireWorkspaceLock(dir)).toThrow(/another Zonewalk \(field-laptop-7, process 1/);
  });

  it('release leaves a lock another process has taken since', () => {
    const dir = tempDir();
    const lock = acquireWorkspaceLock(dir);
    fs.writeFileSync(lock.file, holder(process.ppid));
    lock.release();
    expect(fs.existsSync(lock.file)).toBe(true);
  });
});
