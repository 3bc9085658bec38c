import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../../shared/errors';
import { mkdirPrivate, PRIVATE_FILE, tightenFile } from '../privateFiles';
import { toFsAppError } from './fsErrors';
import { BUSY_TIMEOUT_MS, isBusy, otherWriterError } from './immediateWrite';
import { currentSchemaVersion, LATEST_SCHEMA_VERSION, migrate } from './migrations';
import { sqliteSentence } from './sqliteErrors';

export const DB_FILE_NAME = 'zonewalk.db';
const SQLITE_HEADER = Buffer.from('SQLite format 3\0', 'latin1');

/** Makes sure the data dir exists and can be written, with a sentence the user can act on. */
export function ensureWritableDir(dir: string): void {
  try {
    mkdirPrivate(dir);
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const e = toFsAppError(err, `the data folder ${dir}`);
    throw new AppError(
      e.code === 'disk-full' ? 'disk-full' : 'not-writable',
      `The data folder ${dir} cannot be written. Choose another folder with --data-dir or ZONEWALK_DATA_DIR, or fix its permissions.`,
    );
  }
}

function checkHeader(file: string): void {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const head = Buffer.alloc(16);
    const n = fs.readSync(fd, head, 0, 16, 0);
    if (n === 0) return; // an empty file is a fresh database
    if (n < 16 || !head.equals(SQLITE_HEADER)) {
      throw new AppError(
        'not-a-database',
        `${file} is not a Zonewalk database. It was left untouched; move it away or choose another data folder.`,
      );
    }
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Reads the schema version without writing anything, so a refused file stays byte-for-byte intact. */
function inspectExisting(file: string): void {
  checkHeader(file);
  let probe: Database.Database | undefined;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    const version = currentSchemaVersion(probe);
    if (version > LATEST_SCHEMA_VERSION) {
      throw new AppError(
        'database-too-new',
        `${file} was written by a newer Zonewalk (schema ${version}, this version knows ${LATEST_SCHEMA_VERSION}). Update Zonewalk to open it; the file was not changed.`,
      );
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw sqliteToAppError(err, file);
  } finally {
    probe?.close();
  }
}

export function sqliteToAppError(err: unknown, file: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as { code?: string }).code ?? '';
  if (isBusy(err)) return otherWriterError();
  if (code === 'SQLITE_NOTADB') {
    return new AppError('not-a-database', `${file} is not a Zonewalk database. It was left untouched.`);
  }
  if (code.startsWith('SQLITE_CORRUPT')) {
    return new AppError(
      'database-corrupt',
      `${file} is damaged. Restore it from a backup; Zonewalk did not change it.`,
    );
  }
  if (code === 'SQLITE_FULL')
    return new AppError('disk-full', 'The disk is full. Free some space and try again.');
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
    return new AppError(
      'not-writable',
      `${file} cannot be opened for writing. Check the folder's permissions.`,
    );
  }
  return (
    sqliteSentence(err) ?? new AppError('internal', `Database error in ${file}: ${(err as Error).message}`)
  );
}

/** Opens (creating if needed) the workspace database with WAL, full sync and foreign keys, migrated. */
export function openDatabase(dataDir: string): Database.Database {
  ensureWritableDir(dataDir);
  const file = path.join(dataDir, DB_FILE_NAME);
  if (fs.existsSync(file)) inspectExisting(file);
  else fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE)); // SQLite gives its -wal and -shm the same mode
  for (const f of [file, `${file}-wal`, `${file}-shm`]) tightenFile(f);
  let db: Database.Database | undefined;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    // Deleted rows are overwritten with zeros: a deleted signing key's encrypted PEM must not stay
    // readable in the file (docs/security.md).
    db.pragma('secure_delete = ON');
    migrate(db);
    return db;
  } catch (err) {
    db?.close();
    throw sqliteToAppError(err, file);
  }
}
