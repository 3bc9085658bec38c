import { spawnSync } from 'node:child_process';
import { tempDir } from './workspace';

/**
 * Runs `fn` on a freshly mounted tmpfs (a real small disk, or a real read-only one) and unmounts it
 * after. Mounting needs root on Linux, as CI runs; elsewhere the test fails saying so rather than
 * passing without having run.
 */
export async function withTmpfs<T>(options: string, fn: (dir: string) => Promise<T> | T): Promise<T> {
  const dir = tempDir('zonewalk-tmpfs-');
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) {
    throw new Error(
      `This test mounts a tmpfs (${options}) and needs root on Linux, as CI runs it: mount said ${JSON.stringify(
        (mount.stderr ?? String(mount.error)).trim(),
      )}`,
    );
  }
  try {
    return await fn(dir);
  } finally {
    spawnSync('umount', [dir]);
  }
}
