import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/main/db/openDatabase';
import { workspaceAtSchema } from '../helpers/oldSchema';

describe('migration 0005 (signing keys, trust list, package imports)', () => {
  it('upgrades a schema-4 workspace in place and refuses a clear private key', () => {
    const dir = workspaceAtSchema(4, 'Before 0005');
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
