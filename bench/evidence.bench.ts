import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { it } from 'vitest';
import { createServices } from '../src/main/services';
import { measureGridFirstPaint } from '../test/e2e/evidenceGridPaint';
import { launchChromium } from '../test/e2e/harness';
import { benchDir, QUICK, quantile, record } from './lib';

const MiB = 1024 * 1024;
const CLI = path.resolve('out/main/zonewalk.js');

function ms(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}
async function msAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

it('evidence: adding 1,000 files of 1 MiB vs openssl dgst -sha256 + cp (+ sync)', async () => {
  const count = QUICK ? 8 : 1000;
  const runs = QUICK ? 1 : 5;
  const src = benchDir('evidence-src');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const p = path.join(src, `f${String(i).padStart(4, '0')}.bin`);
    fs.writeFileSync(p, crypto.randomBytes(MiB));
    files.push(p);
  }
  const ours: number[] = [];
  const plain: number[] = [];
  const durable: number[] = [];
  // The baseline a careful script would run: hash, copy, and (durable) sync before it reports done,
  // as Zonewalk does (fsync per file, durable commits) before it calls a file added.
  const runBaseline = (sync: boolean) => {
    const dest = benchDir('evidence-cp');
    // Each side starts with nothing dirty in the page cache, so neither pays for the other's writes.
    spawnSync('sync');
    const t = ms(() => {
      const dgst = spawnSync('openssl', ['dgst', '-sha256', ...files], { maxBuffer: 64 * MiB });
      if (dgst.status !== 0) throw new Error(`openssl failed: ${dgst.stderr}`);
      const cp = spawnSync('cp', [...files, dest]);
      if (cp.status !== 0) throw new Error(`cp failed: ${cp.stderr}`);
      if (sync) spawnSync('sync');
    });
    fs.rmSync(dest, { recursive: true, force: true });
    return t;
  };
  const runOurs = async () => {
    const dir = benchDir('evidence-ws');
    const s = createServices(dir);
    const id = s.assessments.create({ title: 'Bench' }).id;
    spawnSync('sync');
    const t = await msAsync(async () => {
      const lines = await s.evidence.addPaths(id, files);
      if (lines.some((l) => l.status !== 'added')) throw new Error('not every file was added');
    });
    s.ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
    return t;
  };
  const sides = [
    async () => ours.push(await runOurs()),
    async () => plain.push(runBaseline(false)),
    async () => durable.push(runBaseline(true)),
  ];
  for (let r = 0; r < runs; r++) {
    // Rotate which side goes first, so none always meets a disk still busy with another.
    for (let k = 0; k < sides.length; k++) await sides[(r + k) % sides.length]();
  }
  fs.rmSync(src, { recursive: true, force: true });
  const ratiosAgainst = (baseline: number[]) => baseline.map((b, i) => b / ours[i]).sort((a, b) => a - b);
  const median = (xs: number[]) =>
    quantile(
      [...xs].sort((a, b) => a - b),
      0.5,
    );
  const runsOf = (xs: number[]) => xs.map((t) => `${t.toFixed(0)} ms`).join('/');
  const mbps = (t: number) => ((count * MiB) / MiB / (t / 1000)).toFixed(0);
  const durableRatios = ratiosAgainst(durable);
  const plainRatios = ratiosAgainst(plain);
  const note = `Zonewalk ${runsOf(ours)} (median ${mbps(median(ours))} MiB/s, fsync per file, commits of 32 with an audit event per file); openssl+cp+sync ${runsOf(durable)}; openssl+cp ${runsOf(plain)}; p95 column holds the worst ratio`;
  record({
    name: 'evidence.add 1,000 x 1 MiB, throughput vs openssl dgst + cp + sync (durable)',
    median: quantile(durableRatios, 0.5),
    p95: quantile(durableRatios, 0.05),
    unit: 'ratio',
    target: 0.8,
    better: 'higher',
    samples: durableRatios.length,
    note,
  });
  record({
    name: 'evidence.add 1,000 x 1 MiB, throughput vs openssl dgst + cp (not durable)',
    median: quantile(plainRatios, 0.5),
    p95: quantile(plainRatios, 0.05),
    unit: 'ratio',
    target: 0.6,
    better: 'higher',
    samples: plainRatios.length,
    note,
  });
});

it('evidence: adding one 2 GiB file keeps the peak RSS of the process low', () => {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build first`);
  const size = QUICK ? 16 * MiB : 2048 * MiB;
  const src = benchDir('evidence-big');
  const file = path.join(src, 'disk-image.bin');
  const block = crypto.randomBytes(MiB);
  const fd = fs.openSync(file, 'w');
  for (let i = 0; i < size / MiB; i++) {
    block.writeUInt32LE(i, 0); // every MiB differs, so nothing is trivially repetitive
    fs.writeSync(fd, block);
  }
  fs.closeSync(fd);
  const dir = benchDir('evidence-big-ws');
  const s = createServices(dir);
  const id = s.assessments.create({ title: 'Big' }).id;
  s.ws.close();
  const out = path.join(src, 'rss.json');
  const t0 = Date.now();
  const child = spawnSync(
    process.execPath,
    [path.resolve('bench/children/maxRss.mjs'), CLI, '--data-dir', dir, 'evidence', 'add', id, file],
    { env: { ...process.env, ZONEWALK_RSS_OUT: out }, encoding: 'utf8' },
  );
  const took = Date.now() - t0;
  if (child.status !== 0) throw new Error(`add failed: ${child.stderr}`);
  const { maxRssKiB } = JSON.parse(fs.readFileSync(out, 'utf8')) as { maxRssKiB: number };
  const mb = maxRssKiB / 1024;
  record({
    name: 'evidence.add one 2 GiB file, peak RSS',
    median: mb,
    p95: mb,
    unit: 'MB',
    target: 200,
    better: 'lower',
    samples: 1,
    note: `${(size / MiB).toFixed(0)} MiB added by the built CLI in a child process in ${took} ms (${(size / MiB / (took / 1000)).toFixed(0)} MiB/s)`,
  });
  fs.rmSync(src, { recursive: true, force: true });
  fs.rmSync(dir, { recursive: true, force: true });
});

it('evidence: browser grid first paint with 2,000 items in Chromium', async () => {
  const browser = await launchChromium();
  try {
    const samples: number[] = [];
    for (let i = 0; i < (QUICK ? 1 : 5); i++) {
      const r = await measureGridFirstPaint(browser, QUICK ? 200 : 2000);
      samples.push(r.ms);
      await r.close();
    }
    samples.sort((a, b) => a - b);
    record({
      name: 'evidence grid first paint (2,000 items)',
      median: quantile(samples, 0.5),
      p95: quantile(samples, 0.95),
      unit: 'ms',
      target: 1000,
      better: 'lower',
      samples: samples.length,
      note: 'from switching to the Evidence section until the frame after the first tiles exist; the grid is windowed',
    });
  } finally {
    await browser.close();
  }
});
