import { AppError } from '../../shared/errors';

/** Maps an OS-level error to a sentence the user can act on; rethrows anything else unchanged. */
export function toFsAppError(err: unknown, what: string): AppError {
  if (err instanceof AppError) return err;
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new AppError(
        'disk-full',
        `The disk is full while writing ${what}. Free some space and try again.`,
      );
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new AppError(
        'not-writable',
        `Zonewalk cannot write ${what}: permission denied. Choose a folder you can write to.`,
      );
    case 'ENOENT':
      return new AppError('not-found', `${what} does not exist.`);
    default:
      return new AppError('internal', `Could not write ${what}: ${(err as Error)?.message ?? String(err)}`);
  }
}
