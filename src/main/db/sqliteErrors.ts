import { AppError } from '../../shared/errors';

/**
 * A sentence for an error SQLite raised, or undefined for anything else. SQLite's own text
 * ("UNIQUE constraint failed: package_import.assessment_id, …") names tables and columns a user
 * has never seen, so it never reaches them; the code says enough to tell them what to do.
 */
export function sqliteSentence(err: unknown): AppError | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  if (code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new AppError(
      'conflict',
      'This is already recorded in the workspace, so nothing was changed. Reload to see the current state.',
    );
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new AppError(
      'conflict',
      'This refers to an item that no longer exists (it may have been deleted in another window), so nothing was changed.',
    );
  }
  if (code.startsWith('SQLITE_CONSTRAINT')) {
    return new AppError('invalid-input', 'The workspace does not accept this value, so nothing was changed.');
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError(
      'conflict',
      'Another Zonewalk is writing to this workspace, so nothing was changed. Try again when it has finished.',
    );
  }
  if (code === 'SQLITE_FULL')
    return new AppError('disk-full', 'The disk is full. Free some space and try again.');
  return new AppError(
    'internal',
    `The workspace database reported an error (${code}), so nothing was changed. If it happens again, restore the workspace from a backup.`,
  );
}
