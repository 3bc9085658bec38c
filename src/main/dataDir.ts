import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Zonewalk';

/** Electron's `userData` for this app, computed without Electron so the CLI finds the same workspace. */
export function platformUserDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), APP_NAME);
}

/**
 * Where Chromium keeps its own profile (caches, local storage, GPU shader cache): a per-user cache
 * folder, so the workspace holds only Zonewalk's files.
 */
export function platformSessionDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32')
    return path.join(env.LOCALAPPDATA ?? path.join(home, 'AppData', 'Local'), APP_NAME, 'Browser');
  if (platform === 'darwin') return path.join(home, 'Library', 'Caches', APP_NAME);
  return path.join(env.XDG_CACHE_HOME ?? path.join(home, '.cache'), APP_NAME);
}

/** `--data-dir DIR` wins over `ZONEWALK_DATA_DIR`, which wins over the platform default. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback: string): string {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--data-dir' && argv[i + 1]) return path.resolve(argv[i + 1]);
    if (a.startsWith('--data-dir=')) return path.resolve(a.slice('--data-dir='.length));
  }
  if (env.ZONEWALK_DATA_DIR) return path.resolve(env.ZONEWALK_DATA_DIR);
  return fallback;
}
