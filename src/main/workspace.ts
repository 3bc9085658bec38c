import os from 'node:os';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { immediateWrite, type WriteWait } from './db/immediateWrite';
import { openDatabase } from './db/openDatabase';
import { type AuditEntry, AuditTrail } from './services/auditTrail';

export interface WorkspaceOptions {
  /** Injected clock for deterministic tests. */
  now?: () => string;
  /** How a write waits for another process's (default: 30 s, silently). */
  writeWait?: Partial<WriteWait>;
}

/**
 * One workspace: the SQLite file plus the evidence folder beside it. Every change to an assessment
 * goes through `change`, so each write and its audit event commit together or not at all.
 */
export class Workspace {
  readonly trail: AuditTrail;
  readonly now: () => string;
  private readonly touchStmt: Database.Statement;
  private readonly guards: ((assessmentId: string, entry: AuditEntry) => void)[] = [];
  private readonly getSettingStmt: Database.Statement;
  private readonly writeWait: WriteWait;

  private constructor(
    readonly db: Database.Database,
    readonly dataDir: string,
    opts: WorkspaceOptions,
  ) {
    this.now = opts.now ?? (() => new Date().toISOString());
    this.writeWait = { maxWaitMs: 30_000, ...opts.writeWait };
    this.trail = new AuditTrail(db);
    this.touchStmt = db.prepare('UPDATE assessment SET updated_at = ? WHERE id = ?');
    this.getSettingStmt = db.prepare('SELECT value FROM setting WHERE key = ?');
  }

  static open(dataDir: string, opts: WorkspaceOptions = {}): Workspace {
    const dir = path.resolve(dataDir);
    return new Workspace(openDatabase(dir), dir, opts);
  }

  get evidenceDir(): string {
    return path.join(this.dataDir, 'evidence');
  }

  /** The name written into audit events and responses. */
  actor(): string {
    const row = this.getSettingStmt.get('auditor.name') as { value: string } | undefined;
    if (row?.value) return row.value;
    // The account does not change while the process runs; asking the OS per event costs a batch.
    this.osUser ??= (() => {
      try {
        return os.userInfo().username;
      } catch {
        return 'unknown';
      }
    })();
    return this.osUser;
  }

  private osUser?: string;

  setting(key: string): string | undefined {
    return (this.getSettingStmt.get(key) as { value: string } | undefined)?.value;
  }

  setSetting(key: string, value: string): void {
    const upsert = this.db.prepare(
      'INSERT INTO setting (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
    this.write(() => upsert.run(key, value));
  }

  /**
   * Runs a read-modify-write as one BEGIN IMMEDIATE transaction: what `fn` reads is still true when
   * it writes, even with another process (the CLI beside the app) writing to the same file.
   * `wait: false` gives up at once when another process is writing (housekeeping that can wait).
   */
  write<T>(fn: () => T, opts: { wait?: boolean } = {}): T {
    return immediateWrite(this.db, fn, opts.wait === false ? { maxWaitMs: 0 } : this.writeWait);
  }

  /**
   * Adds a check every change must pass before it commits (a read-only review copy refuses edits);
   * a guard that throws rolls the change back.
   */
  addChangeGuard(guard: (assessmentId: string, entry: AuditEntry) => void): void {
    this.guards.push(guard);
  }

  /** Runs `write` and appends its audit event in one durable transaction. */
  change<T>(
    assessmentId: string,
    entry: AuditEntry | ((result: T) => AuditEntry),
    write: (at: string) => T,
  ): T {
    return this.write(() => {
      const at = this.now();
      const result = write(at);
      const e = typeof entry === 'function' ? entry(result) : entry;
      for (const guard of this.guards) guard(assessmentId, e);
      this.trail.append(assessmentId, this.actor(), at, e);
      this.touchStmt.run(at, assessmentId);
      return result;
    });
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
