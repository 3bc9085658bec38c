import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { createServices } from '../src/main/services';
import { benchDir, QUICK, record } from './lib';

// A big plant through the CLI, each command in a child process so peak RSS is its own: `export
// json`, `export xlsx` (the gap register) and `package`, at two plant sizes, so the growth per asset
// shows whether memory stays flat with plant size. ZONEWALK_BENCH_CLI runs another build (e.g. the
// commit before a change) against the same workspaces.

const SIZES = QUICK ? [10, 20] : [250, 1000];
const CLI = path.resolve(process.env.ZONEWALK_BENCH_CLI ?? 'out/main/zonewalk.js');
const PASS = 'bench passphrase';
const SL = { FR1: 2, FR2: 2, FR3: 2, FR4: 2, FR5: 2, FR6: 2, FR7: 2 };

/** An assessment with `assets` assets in 10 zones, each with a few answered requirements. */
function seed(dir: string, assets: number): void {
  const s = createServices(dir);
  const template = s.interchange.exportDocument(s.assessments.create({ title: 'Template' }).id);
  const zones = Array.from({ length: 10 }, (_, i) => ({
    id: `zone-${i}`,
    name: `Zone ${i}`,
    description: 'Process control network',
    slTarget: SL,
  }));
  const doc = {
    ...template,
    assessment: { ...template.assessment, id: 'big-plant', title: 'Big plant' },
    zones,
    assets: Array.from({ length: assets }, (_, i) => ({
      id: `asset-${String(i).padStart(6, '0')}`,
      name: `PLC ${i}`,
      zone: `zone-${i % 10}`,
      componentType: 'EDR' as const,
      vendor: 'Siemens',
      model: 'S7-1500',
      firmware: '2.9.4',
      legacy: false,
    })),
    responses: Array.from({ length: assets }, (_, i) =>
      ['CR 1.1', 'CR 1.2', 'CR 2.1'].map((requirement) => ({
        scope: { kind: 'asset' as const, id: `asset-${String(i).padStart(6, '0')}` },
        requirement,
        result: 'not-met' as const,
        maturity: null,
        justification: '',
        comment: `Observed on the walk-down of cabinet ${i}: shared operator account, no lockout.`,
        evidence: [],
        flagged: false,
        assessedBy: 'Bench',
        assessedAt: '2026-11-27T09:00:00Z',
      })),
    ).flat(),
  };
  s.interchange.import(JSON.stringify(doc), { source: 'bench' });
  s.signing.create('bench', PASS);
  s.ws.close();
}

function run(args: string[]): { seconds: number; peakMb: number } {
  const t0 = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, CLI, ...args], {
    env: { ...process.env, ZONEWALK_PASSPHRASE: PASS },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return { seconds, peakMb: Number(r.stderr.trim().split('\n').at(-1)) / 1024 };
}

it('big plant: export json, export xlsx and package, peak RSS and time at two plant sizes', () => {
  expect(fs.existsSync(CLI), 'run npm run build first').toBe(true);
  const dir = benchDir('big-plant');
  const commands: Partial<Record<'export json' | 'export xlsx' | 'package', (data: string) => string[]>> = {
    'export json': (data: string) => [
      '--data-dir',
      data,
      'export',
      'json',
      'big-plant',
      '--out',
      path.join(dir, 'doc.json'),
    ],
    'export xlsx': (data: string) => [
      '--data-dir',
      data,
      'export',
      'xlsx',
      'big-plant',
      '--out',
      path.join(dir, 'register.xlsx'),
    ],
    package: (data: string) => [
      '--data-dir',
      data,
      'package',
      'big-plant',
      '--out',
      path.join(dir, `pkg-${Date.now()}`),
      '--key',
      'bench',
      '--quiet',
    ],
  };
  // The quick smoke run only checks the bench runs: the JSON export of two tiny plants.
  if (QUICK) for (const name of ['export xlsx', 'package'] as const) delete commands[name];
  const results: Record<string, { seconds: number; peakMb: number }[]> = {};
  for (const assets of SIZES) {
    const data = path.join(dir, `plant-${assets}`);
    seed(data, assets);
    for (const [name, args] of Object.entries(commands)) {
      if (args) results[name] = [...(results[name] ?? []), run(args(data))];
    }
  }
  const [small, large] = SIZES;
  for (const [name, [a, b]] of Object.entries(results)) {
    const perAsset = ((b.peakMb - a.peakMb) * 1024) / (large - small);
    record({
      name: `big plant ${name}: peak RSS growth per asset`,
      median: perAsset,
      p95: perAsset,
      unit: 'KB/asset',
      target: 40,
      better: 'lower',
      samples: 1,
      note: `${small} assets: ${a.peakMb.toFixed(0)} MB in ${a.seconds.toFixed(1)} s; ${large} assets: ${b.peakMb.toFixed(0)} MB in ${b.seconds.toFixed(1)} s`,
    });
    record({
      name: `big plant ${name}: time at ${large} assets`,
      median: b.seconds,
      p95: b.seconds,
      unit: 's',
      target: (large / 1000) * 120,
      better: 'lower',
      samples: 1,
    });
  }
  fs.rmSync(dir, { recursive: true, force: true });
});
