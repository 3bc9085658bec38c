import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../src/main/db/migrations';
import { DB_FILE_NAME } from '../../src/main/db/openDatabase';
import { tempDir } from './workspace';

/** A workspace folder whose database stops at schema `version`, holding one assessment `a1` titled `title`. */
export function workspaceAtSchema(version: number, title: string): string {
  const dir = tempDir();
  const raw = new Database(`${dir}/${DB_FILE_NAME}`);
  raw.exec(
    'CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    raw.exec(m.sql);
    raw.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(m.version, m.name, 'then');
  }
  raw
    .prepare("INSERT INTO assessment (id, title, created_at, updated_at) VALUES ('a1', ?, 'x', 'x')")
    .run(title);
  raw.close();
  return dir;
}
