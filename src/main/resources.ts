import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Where catalogs and fonts live: ZONEWALK_RESOURCES, the packaged app's resources folder, or the
 * nearest `resources/` above this module (source tree, built `out/`, tests).
 */
export function resolveResourcesDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.ZONEWALK_RESOURCES) return path.resolve(env.ZONEWALK_RESOURCES);
  const packaged = (process as { resourcesPath?: string }).resourcesPath;
  if (packaged && fs.existsSync(path.join(packaged, 'resources', 'catalogs')))
    return path.join(packaged, 'resources');
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = path.join(dir, 'resources');
    if (fs.existsSync(path.join(candidate, 'catalogs'))) return candidate;
    const up = path.dirname(dir);
    if (up === dir) throw new Error('Zonewalk resources folder not found; set ZONEWALK_RESOURCES');
    dir = up;
  }
}
