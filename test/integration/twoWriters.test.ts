import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniformSl } from '../../src/core/domain';
import { createServices } from '../../src/main/services';
import { changesOutsideZonewalk } from '../../src/main/services/trailReplay';
import { bundleChild } from '../helpers/bundleChild';
import { tempDir } from '../helpers/workspace';

// The issue asks for a minute; the suite runs a shorter version (ZONEWALK_WRITERS_SECONDS=60 for the full one).
const SECONDS = Number(process.env.ZONEWALK_WRITERS_SECONDS ?? 12);
let worker: string;

beforeAll(async () => {
  worker = await bundleChild('test/integration/children/answerWorker.ts', 'answer-worker');
}, 120_000);
afterAll(() => {
  if (worker) fs.rmSync(path.dirname(worker), { recursive: true, force: true });
});

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, out, err })));
}

describe('two writers on one workspace', () => {
  it(`answering the same items for ${SECONDS} s leaves the database equal to the replay of its trail`, {
    timeout: 120_000 + SECONDS * 2000,
  }, async () => {
    const dataDir = tempDir('zonewalk-writers-');
    const s = createServices(dataDir);
    const a = s.assessments.create({ title: 'Two writers' });
    const zone = s.zones.create(a.id, { name: 'Control', slTarget: uniformSl(2) });
    s.ws.close();
    const requirements = JSON.stringify(['SR 1.1', 'SR 1.2', 'SR 2.1']);
    const runs = await Promise.all(
      [11, 23].map((seed) => run([dataDir, a.id, zone.id, requirements, String(SECONDS), String(seed)])),
    );
    for (const r of runs) expect(r.code, r.err).toBe(0);

    const check = createServices(dataDir);
    try {
      const events = check.ws.trail.list(a.id);
      expect(check.ws.trail.verify(a.id)).toMatchObject({ ok: true });
      expect(changesOutsideZonewalk(check.ws.db, a.id, events)).toEqual([]);
      console.log(
        `two writers: ${SECONDS} s, ${runs.map((r) => r.out.trim()).join(' + ')} writes, ${events.length} events`,
      );
      expect(events.length).toBeGreaterThan(50);
    } finally {
      check.ws.close();
    }
  });
});
