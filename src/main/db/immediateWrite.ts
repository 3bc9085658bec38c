import type Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';

/** The sentence shown while and after waiting for another process's write transaction. */
export const OTHER_WRITER = 'Another Zonewalk is writing to this workspace; waiting…';

export const otherWriterError = () =>
  new AppError(
    'conflict',
    'Another Zonewalk is writing to this workspace and did not finish in time. Nothing was changed; try again when it has finished.',
  );

export interface WriteWait {
  /** How long a write waits for another writer before giving up. */
  maxWaitMs: number;
  /** Called once when a write has to wait (the CLI prints OTHER_WRITER). */
  onWait?: () => void;
}

/** The busy timeout every connection keeps outside the first, non-waiting attempt of a write. */
export const BUSY_TIMEOUT_MS = 5000;

export const isBusy = (err: unknown) => (err as { code?: string }).code?.startsWith('SQLITE_BUSY') === true;

/**
 * Runs `fn` in one BEGIN IMMEDIATE transaction, so what it reads cannot change before it writes
 * (a deferred transaction would read a snapshot another writer may already have replaced). Inside
 * an open transaction it nests as a savepoint. The first attempt does not wait, so a caller learns
 * at once that another process holds the write lock; then it waits up to `maxWaitMs`.
 */
export function immediateWrite<T>(db: Database.Database, fn: () => T, wait: WriteWait): T {
  const tx = db.transaction(fn);
  if (db.inTransaction) return tx();
  const first = attempt(db, tx, 0);
  if (first.done) return first.value;
  if (wait.maxWaitMs <= 0) throw otherWriterError();
  wait.onWait?.();
  const deadline = Date.now() + wait.maxWaitMs;
  for (;;) {
    const left = deadline - Date.now();
    if (left <= 0) throw otherWriterError();
    const next = attempt(db, tx, Math.min(left, BUSY_TIMEOUT_MS));
    if (next.done) return next.value;
  }
}

/** One BEGIN IMMEDIATE attempt that waits at most `busyMs` for the lock; the usual timeout after. */
function attempt<T>(
  db: Database.Database,
  tx: Database.Transaction<() => T>,
  busyMs: number,
): { done: true; value: T } | { done: false } {
  db.pragma(`busy_timeout = ${busyMs}`);
  try {
    return { done: true, value: tx.immediate() };
  } catch (err) {
    if (!isBusy(err)) throw err;
    return { done: false };
  } finally {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }
}
