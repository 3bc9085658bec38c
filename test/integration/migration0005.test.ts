import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { DB_FILE_NAME, openDatabase } from '../../src/main/db/openDatabase';
import { tempDir } from '../helpers/workspace';

describe('migration 0005 (signing keys, trust list, package imports)', () => {
  it('upgrades a schema-4 workspace in place and refuses a clear private key', () => {
    const dir = tempDir();
    const raw = new Database(`${dir}/${DB_FILE_NAME}`);
    raw.exec(
      'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    for (const m of MIGRATIONS.filter((x) => x.version <= 4)) {
      raw.exec(m.sql);
      raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
    }
    raw
      .prepare(
        "INSERT INTO assessment (id, title, created_at, updated_at) VALUES ('a1', 'Before 0005', 'x', 'x')",
      )
      .run();
    raw.close();
    const db = openDatabase(dir);
    expect(db.prepare('SELECT name FROM schema_migrations WHERE version = 5').pluck().get()).toBe(
      '0005_signing.sql',
    );
    expect(db.prepare('SELECT title FROM assessment').pluck().all()).toEqual(['Before 0005']);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all();
    expect(tables).toEqual(expect.arrayContaining(['signing_key', 'trusted_key', 'package_import']));
    expect(() =>
      db
        .prepare(
          "INSERT INTO signing_key VALUES ('k', 'sha256:00', 'pub', '-----BEGIN PRIVATE KEY-----', 'x')",
        )
        .run(),
    ).toThrow(/CHECK constraint failed/);
    db.close();
  });
});
