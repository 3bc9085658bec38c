import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createServices } from '../../src/main/services';
import { tempDir } from '../helpers/workspace';

const BIN = path.resolve('out/main/zonewalk.js');
const FILES = 100;
const ROUNDS = 20;

/** Deterministic "random" kill points, so a failure can be replayed. */
function lcg(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

function writeBatch(dir: string, round: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < FILES; i++) {
    const p = path.join(dir, `r${round}-f${i}.bin`);
    fs.writeFileSync(p, crypto.randomBytes(96 * 1024));
    out.push(p);
  }
  return out;
}

function runAdd(
  dataDir: string,
  id: string,
  files: string[],
  kill: { afterCopies: number } | null,
  verb = 'add',
) {
  const child = spawn(process.execPath, [BIN, '--data-dir', dataDir, 'evidence', verb, id, ...files], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += d));
  const started = Date.now();
  // The kill point is counted in copies the child has started (temp files seen), not in milliseconds:
  // start-up time and machine load vary far more than the work does, and a kill before or after the
  // work proves nothing.
  const tmp = path.join(dataDir, 'evidence', '.tmp');
  const seen = new Set<string>();
  const poll =
    kill &&
    setInterval(() => {
      if (!fs.existsSync(tmp)) return;
      for (const name of fs.readdirSync(tmp)) seen.add(name);
      if (seen.size >= kill.afterCopies) child.kill('SIGKILL');
    }, 1);
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number; stdout: string }>(
    (resolve) =>
      child.on('exit', (code, signal) => {
        if (poll) clearInterval(poll);
        resolve({ code, signal, ms: Date.now() - started, stdout });
      }),
  );
}

/** What must hold after any crash, checked the way the app opens a workspace. */
function checkWorkspace(dataDir: string, id: string) {
  const services = createServices(dataDir); // opening sweeps crash leftovers
  try {
    const db = services.ws.db;
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(services.ws.trail.verify(id)).toMatchObject({ ok: true });
    const rows = db.prepare('SELECT sha256, size FROM evidence WHERE assessment_id = ?').all(id) as {
      sha256: string;
      size: number;
    }[];
    for (const row of rows) {
      const file = services.evidence.blobs.blobPath(row.sha256);
      expect(fs.existsSync(file), `row ${row.sha256} without its file`).toBe(true);
      const bytes = fs.readFileSync(file);
      expect(bytes.length).toBe(row.size);
      expect(crypto.createHash('sha256').update(bytes).digest('hex')).toBe(row.sha256);
    }
    const temps = fs.existsSync(services.evidence.blobs.tempDir)
      ? fs.readdirSync(services.evidence.blobs.tempDir)
      : [];
    expect(temps).toEqual([]);
    // Every added row has exactly one audit event and vice versa.
    const added = services.ws.trail.list(id).filter((e) => e.action === 'evidence.added').length;
    expect(added).toBe(rows.length);
    // No blob without a row survives the open either.
    expect(services.evidence.blobs.listBlobs().sort()).toEqual(rows.map((r) => r.sha256).sort());
    return rows.length;
  } finally {
    services.ws.close();
  }
}

describe('SIGKILL while adding 100 files', () => {
  it(`leaves a consistent workspace after ${ROUNDS} kills at random points`, {
    timeout: 240_000,
  }, async () => {
    expect(fs.existsSync(BIN), 'run npm run build first').toBe(true);
    const dataDir = tempDir('zonewalk-kill-');
    const src = tempDir('zonewalk-kill-src-');
    const s = createServices(dataDir);
    const id = s.assessments.create({ title: 'Killed' }).id;
    s.ws.close();

    // One full run calibrates how long a batch takes on this machine.
    const full = await runAdd(dataDir, id, writeBatch(src, -1), null);
    expect(full.code, full.stdout).toBe(0);
    let total = checkWorkspace(dataDir, id);
    expect(total).toBe(FILES);

    const random = lcg(62443);
    let midWork = 0;
    let leftovers = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const files = writeBatch(src, round);
      const r = await runAdd(dataDir, id, files, { afterCopies: 1 + Math.floor(random() * (FILES - 10)) });
      const tmp = path.join(dataDir, 'evidence', '.tmp');
      const left = fs.existsSync(tmp) ? fs.readdirSync(tmp).length : 0;
      leftovers += left;
      const now = checkWorkspace(dataDir, id);
      const added = now - total;
      // Mid-work: some files committed but not all, or copies in flight when it died.
      if (r.signal === 'SIGKILL' && ((added > 0 && added < FILES) || left > 0)) midWork++;
      expect(added).toBeGreaterThanOrEqual(0);
      expect(added).toBeLessThanOrEqual(FILES);
      total = now;
      for (const f of files) fs.rmSync(f);
    }
    // The kills must really have landed mid-work, or this test proves nothing.
    console.log(
      `kill test: ${midWork}/${ROUNDS} kills mid-work, ${leftovers} temp files swept, ${total} rows`,
    );
    expect(midWork).toBeGreaterThanOrEqual(ROUNDS / 2);
  });
});
