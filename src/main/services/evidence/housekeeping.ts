import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EvidenceContext } from './context';
import { OPEN_COPY_PREFIX } from './viewing';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Deletes blobs no assessment refers to (after an assessment was deleted, or left by a crash
 * between rename and row). Runs under the write lock, so an add that found the blob commits first.
 */
export function collectGarbage(ctx: EvidenceContext, opts: { wait?: boolean } = {}): number {
  return ctx.ws.write(() => {
    const referenced = new Set(
      (ctx.sql('SELECT DISTINCT sha256 FROM evidence').all() as { sha256: string }[]).map((r) => r.sha256),
    );
    let removed = 0;
    for (const sha of ctx.blobs.listBlobs()) {
      if (referenced.has(sha)) continue;
      ctx.blobs.delete(sha);
      ctx.sql('DELETE FROM thumbnail WHERE sha256 = ?').run(sha);
      removed++;
    }
    return removed;
  }, opts);
}

/** Run when a workspace opens: temp files of dead processes, orphaned blobs, old viewer copies. */
export function sweep(ctx: EvidenceContext): void {
  // Housekeeping must never keep a workspace from opening; what is left now goes next time.
  for (const step of [
    () => ctx.blobs.sweepTemp(),
    () => collectGarbage(ctx, { wait: false }),
    sweepOpenCopies,
  ]) {
    try {
      step();
    } catch {}
  }
}

function sweepOpenCopies(): void {
  try {
    for (const name of fs.readdirSync(os.tmpdir())) {
      if (!name.startsWith(OPEN_COPY_PREFIX)) continue;
      const p = path.join(os.tmpdir(), name);
      const st = fs.lstatSync(p);
      if (st.isDirectory() && Date.now() - st.mtimeMs > DAY_MS) {
        for (const f of fs.readdirSync(p)) fs.chmodSync(path.join(p, f), 0o644);
        fs.rmSync(p, { recursive: true, force: true });
      }
    }
  } catch {
    // another user's or an unreadable temp folder is not ours to clean
  }
}
