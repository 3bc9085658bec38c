import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../shared/errors';
import { mkdirPrivate } from './privateFiles';

// One desktop app per workspace folder. The CLI does not take this lock: its writes queue behind
// the app's on SQLite's own write lock (Workspace.write), and its reads never wait.

export const LOCK_FILE_NAME = 'zonewalk.lock';

interface Holder {
  pid: number;
  host: string;
  since: string;
}

export interface WorkspaceLock {
  file: string;
  /** Removes the lock file if it is still this process's. */
  release(): void;
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host, since: String(h.since ?? '') }
      : undefined;
  } catch {
    return undefined;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes `<dataDir>/zonewalk.lock` for this process, created exclusively. A lock left by a process
 * of this machine that has ended is taken over; a live one (or one from another machine sharing
 * the folder, whose processes cannot be asked) is refused with a sentence naming the holder.
 */
export function acquireWorkspaceLock(dataDir: string): WorkspaceLock {
  const file = path.join(dataDir, LOCK_FILE_NAME);
  const me: Holder = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  const text = `${JSON.stringify(me)}\n`;
  // The app takes the lock before the database exists on a first start.
  mkdirPrivate(dataDir);
  for (let attempt = 0; ; attempt++) {
    try {
      fs.writeFileSync(file, text, { flag: 'wx', mode: 0o600 });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw lockError(file, err);
      const holder = readHolder(file);
      if (holder && (holder.host !== me.host || isAlive(holder.pid))) {
        const where =
          holder.host === me.host ? `process ${holder.pid}` : `${holder.host}, process ${holder.pid}`;
        throw new AppError(
          'conflict',
          `This workspace (${dataDir}) is already open in another Zonewalk (${where}, since ${holder.since}). Close it there first, or choose another data folder.`,
        );
      }
      // Stale (its process has ended) or unreadable (a crash while writing it): take it over.
      fs.rmSync(file, { force: true });
    }
  }
  return {
    file,
    release() {
      const holder = readHolder(file);
      if (holder?.pid === me.pid && holder.host === me.host) fs.rmSync(file, { force: true });
    },
  };
}

function lockError(file: string, err: unknown): AppError {
  if (err instanceof AppError) return err;
  return new AppError(
    'not-writable',
    `Zonewalk could not create its lock file ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'}). Check the folder's permissions.`,
  );
}
