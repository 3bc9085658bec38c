import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applicableRequirements } from '../../src/core/catalog/applicability';
import { createServices } from '../../src/main/services';
import { bundleChild } from '../helpers/bundleChild';
import { tempDir } from '../helpers/workspace';

const KILLS = Number(process.env.ZONEWALK_CRASH_KILLS ?? 25);
let worker: string;

beforeAll(async () => {
  worker = await bundleChild('test/integration/children/crashWorker.ts', 'crash-worker');
}, 120_000);
afterAll(() => {
  if (worker) fs.rmSync(path.dirname(worker), { recursive: true, force: true });
});

interface Reported {
  answers: Map<string, { result: string; comment: string }>;
  evidence: Set<string>;
}

/** Runs the worker until a SIGKILL at `afterMs`, collecting every write it reported as committed. */
function runUntilKilled(args: string[], afterMs: number, reported: Reported) {
  const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buffer = '';
  let stderr = '';
  let started = false;
  child.stderr.on('data', (d) => (stderr += d));
  child.stdout.on('data', (d: Buffer) => {
    buffer += d.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop() ?? '';
    for (const line of lines) {
      if (!started) {
        started = true;
        setTimeout(() => child.kill('SIGKILL'), afterMs);
      }
      const [kind, a, b, ...key] = line.split(' ');
      if (kind === 'answer') reported.answers.set(key.join(' '), { comment: a, result: b });
      else if (kind === 'evidence') reported.evidence.add(a);
    }
  });
  return new Promise<{ signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('exit', (_code, signal) => resolve({ signal, stderr })),
  );
}

describe('crash durability', () => {
  it(`keeps every reported write through ${KILLS} SIGKILLs`, { timeout: 600_000 }, async () => {
    const dataDir = tempDir('zonewalk-crash-');
    const s = createServices(dataDir);
    const a = s.assessments.create({ title: 'Crash target' });
    const zone = s.zones.create(a.id, {
      name: 'Control',
      description: '',
      slTarget: { FR1: 3, FR2: 3, FR3: 3, FR4: 3, FR5: 3, FR6: 3, FR7: 3 },
    });
    const asset = s.assets.create(a.id, {
      name: 'PLC-1',
      zone: zone.id,
      componentType: 'EDR',
      vendor: '',
      model: '',
      firmware: '',
      legacy: false,
    });
    const scopes = [
      {
        scope: { kind: 'zone', id: zone.id },
        requirements: applicableRequirements(s.catalogs.byPart('3-3'), { kind: 'zone' }, zone.slTarget).map(
          (r) => r.id,
        ),
      },
      {
        scope: { kind: 'asset', id: asset.id },
        requirements: applicableRequirements(
          s.catalogs.byPart('4-2'),
          { kind: 'asset', componentType: 'EDR' },
          zone.slTarget,
        ).map((r) => r.id),
      },
    ];
    s.ws.close();

    const reported: Reported = { answers: new Map(), evidence: new Set() };
    let seed = 62443;
    for (let round = 0; round < KILLS; round++) {
      seed = (seed * 48271) % 2147483647;
      const afterMs = 20 + (seed % 400);
      const run = await runUntilKilled(
        [dataDir, a.id, JSON.stringify(scopes), String(seed), String(round * 1_000_000)],
        afterMs,
        reported,
      );
      expect(run.signal, run.stderr).toBe('SIGKILL');

      const check = createServices(dataDir);
      try {
        expect(check.ws.db.pragma('integrity_check', { simple: true })).toBe('ok');
        expect(check.ws.trail.verify(a.id)).toMatchObject({ ok: true });
        const rows = check.ws.db
          .prepare(
            "SELECT scope_kind || ':' || scope_id || '|' || requirement AS k, result, comment FROM response WHERE assessment_id = ?",
          )
          .all(a.id) as { k: string; result: string; comment: string }[];
        const saved = new Map(rows.map((r) => [r.k, r]));
        for (const [key, want] of reported.answers) {
          const got = saved.get(key);
          // The child may have committed a later answer it had no time to report, never an older one.
          expect(got, `answer ${key} reported saved but missing`).toBeDefined();
          expect(Number(got!.comment.slice(1))).toBeGreaterThanOrEqual(Number(want.comment.slice(1)));
        }
        const evidence = check.ws.db
          .prepare('SELECT sha256 FROM evidence WHERE assessment_id = ?')
          .pluck()
          .all(a.id) as string[];
        for (const sha of reported.evidence) expect(evidence).toContain(sha);
        for (const sha of evidence)
          expect(fs.existsSync(check.evidence.blobs.blobPath(sha)), `row ${sha} without file`).toBe(true);
      } finally {
        check.ws.close();
      }
    }
    console.log(
      `crash test: ${KILLS} kills, ${reported.answers.size} answers and ${reported.evidence.size} evidence files reported saved, all present`,
    );
    expect(reported.answers.size).toBeGreaterThan(KILLS);
    expect(reported.evidence.size).toBeGreaterThan(0);
  });
});
