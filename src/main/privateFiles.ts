import fs from 'node:fs';

// What Zonewalk writes is for the auditor alone: evidence may show a plant's weak points, and the
// database holds every answer. So its own folders are 0700 and its files 0600 (blobs 0400),
// whatever the process umask says. Windows ignores these modes; the profile folder's ACL applies.

export const PRIVATE_DIR = 0o700;
export const PRIVATE_FILE = 0o600;
export const PRIVATE_READ_ONLY = 0o400;
const SET_GROUP_ID = 0o2000;

/** Creates a folder (and missing parents) that only the owner may enter. */
export function mkdirPrivate(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR });
}

/**
 * The mode for an export or package created in `dir`: 0600, unless the folder says it is shared
 * by carrying its set-group-ID bit (how a team share makes files belong to the group); there the
 * file gets the usual 0666 less the umask, as every other program writing there would.
 */
export function exportFileMode(dir: string): number {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  return st && st.mode & SET_GROUP_ID ? 0o666 : PRIVATE_FILE;
}

/** Tightens a file Zonewalk owns that an older version (or a loose umask) left readable by others. */
export function tightenFile(file: string, mode = PRIVATE_FILE): void {
  try {
    const st = fs.statSync(file, { throwIfNoEntry: false });
    if (st && (st.mode & 0o777 & ~mode) !== 0) fs.chmodSync(file, mode);
  } catch {
    // A file we cannot chmod (another owner, a read-only mount) keeps its mode; opening it reports the rest.
  }
}
