import path from 'node:path';
import { AppError } from '../shared/errors';

/** True when `p` resolves to something strictly below `dir` (not `dir` itself, not beside it). */
export function isInside(dir: string, p: string): boolean {
  const rel = path.relative(path.resolve(dir), path.resolve(p));
  return rel !== '' && rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel);
}

/**
 * `dir/name` for a name that came from user data, checked to stay inside `dir`: the last guard
 * behind the file-name rule, so a name that slipped past it still cannot write elsewhere.
 */
export function pathInside(dir: string, name: string): string {
  const p = path.resolve(dir, name);
  if (!isInside(dir, p) || path.dirname(p) !== path.resolve(dir)) {
    throw new AppError(
      'invalid-file',
      `The file name "${name}" points outside its folder, so Zonewalk did not write it. Nothing was changed.`,
    );
  }
  return p;
}
