import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from '../../src/main/db/migrations';
import { DB_FILE_NAME, openDatabase } from '../../src/main/db/openDatabase';
import { AppError } from '../../src/shared/errors';
import { tempDir } from '../helpers/workspace';

const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');

function expectAppError(fn: () => unknown, code: string, message: RegExp) {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe(code);
    expect((err as AppError).message).toMatch(message);
    return;
  }
  throw new Error('expected an AppError');
}

describe('workspace database', () => {
  it('creates the file with WAL, full sync and foreign keys, and records every migration', () => {
    const dir = tempDir();
    const db = openDatabase(dir);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const rows = db.prepare('SELECT version, name FROM schema_migrations ORDER BY version').all();
    expect(rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
    expect(MIGRATIONS[0].name).toBe('0001_init.sql');
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type='table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['assessment', 'audit_event', 'schema_migrations']));
    db.close();
    // Reopening applies nothing twice.
    const again = openDatabase(dir);
    expect(again.prepare('SELECT COUNT(*) FROM schema_migrations').pluck().get()).toBe(MIGRATIONS.length);
    again.close();
  });

  it('numbers migrations without gaps, one file per version', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(MIGRATIONS.length);
  });

  it('refuses a file of random bytes, names it and leaves it byte-for-byte untouched', () => {
    const dir = tempDir();
    const file = path.join(dir, DB_FILE_NAME);
    fs.writeFileSync(file, Buffer.from(Array.from({ length: 8192 }, (_, i) => (i * 7919) % 256)));
    const before = sha(file);
    expectAppError(() => openDatabase(dir), 'not-a-database', new RegExp(`${file}.*not a Zonewalk database`));
    expect(sha(file)).toBe(before);
    expect(fs.readdirSync(dir)).toEqual([DB_FILE_NAME]);
  });

  it('refuses a database from a newer Zonewalk without modifying it', () => {
    const dir = tempDir();
    openDatabase(dir).close();
    const file = path.join(dir, DB_FILE_NAME);
    const raw = new Database(file);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(999, '0999_future.sql', 'x');
    raw.pragma('wal_checkpoint(TRUNCATE)');
    raw.close();
    const before = sha(file);
    expectAppError(() => openDatabase(dir), 'database-too-new', /newer Zonewalk \(schema 999/);
    expect(sha(file)).toBe(before);
  });

  it('says clearly when the data folder cannot be written', () => {
    const dir = tempDir();
    const blocker = path.join(dir, 'a-file');
    fs.writeFileSync(blocker, 'x');
    expectAppError(() => openDatabase(path.join(blocker, 'data')), 'not-writable', /cannot be written/);
  });
});
