import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';

/**
 * Bundles a TypeScript entry with Vite (so `import.meta.glob` migrations work as in the app) into a
 * Node ESM file under `dir`, for tests that must run real code in a child process they can kill.
 */
export async function bundleChild(entry: string, dir: string): Promise<string> {
  // Inside the repo so node resolves the external packages from its node_modules.
  const cache = path.resolve('node_modules/.cache');
  fs.mkdirSync(cache, { recursive: true });
  const outDir = fs.mkdtempSync(path.join(cache, `${path.basename(dir)}-`));
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: path.resolve(entry),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: { output: { format: 'es', entryFileNames: 'child.mjs' } },
    },
    ssr: { external: true },
  });
  return path.join(outDir, 'child.mjs');
}
