import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createHandlerTable, type HandlerTable } from '../../src/main/handlers';
import { createServices, type Services } from '../../src/main/services';

const cleanups: (() => void)[] = [];
afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

/** A temp folder removed after the test. */
export function tempDir(prefix = 'zonewalk-test-'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Services and the handler table over a real SQLite file in a temp dir, closed after the test. */
export function openTestWorkspace(dir = tempDir()): { dir: string; services: Services; table: HandlerTable } {
  const services = createServices(dir);
  cleanups.push(() => services.ws.close());
  return { dir, services, table: createHandlerTable(services, () => {}) };
}

export async function ok<T = unknown>(
  p: Promise<{ ok: boolean; value?: unknown; error?: unknown }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(`expected ok, got ${JSON.stringify(r.error)}`);
  return r.value as T;
}
