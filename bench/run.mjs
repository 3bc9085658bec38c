// npm run bench [-- --quick]: runs every bench/*.bench.ts through vitest (TypeScript, same module
// resolution as the app), then writes bench/results.json and a readable table.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const quick = process.argv.includes('--quick');
const dir = path.dirname(new URL(import.meta.url).pathname);
const raw = path.join(dir, `.results-${process.pid}.jsonl`);
fs.rmSync(raw, { force: true });

const vitest = spawnSync(
  process.execPath,
  [
    path.join(dir, '../node_modules/vitest/vitest.mjs'),
    'run',
    '--config',
    path.join(dir, '../vitest.bench.config.ts'),
  ],
  {
    stdio: 'inherit',
    env: { ...process.env, ZONEWALK_BENCH_QUICK: quick ? '1' : '', ZONEWALK_BENCH_OUT: raw },
  },
);

const results = fs.existsSync(raw)
  ? fs
      .readFileSync(raw, 'utf8')
      .trim()
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l))
  : [];
fs.rmSync(raw, { force: true });
results.sort((a, b) => a.name.localeCompare(b.name));

const fmt = (v) =>
  typeof v === 'number' ? (Math.abs(v) >= 100 ? v.toFixed(0) : v.toPrecision(3)) : String(v ?? '');
const rows = results.map((r) => [
  r.name,
  fmt(r.median),
  fmt(r.p95),
  r.unit,
  `${r.better === 'higher' ? '>=' : '<='} ${fmt(r.target)}`,
  quick ? '-' : r.pass ? 'pass' : 'FAIL',
]);
const header = ['benchmark', 'median', 'p95', 'unit', 'target', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ');
const table = [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
console.log(
  `\n${quick ? 'Quick smoke run (small inputs, targets not judged)' : 'Benchmarks'} on ${new Date().toISOString()}\n${table}\n`,
);

if (!quick) {
  const doc = {
    machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
    at: new Date().toISOString(),
    results,
  };
  fs.writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(doc, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'results.md'), `${table}\n`);
}
if (vitest.status !== 0) process.exit(vitest.status ?? 1);
if (results.length === 0) {
  console.error('bench: no results were recorded');
  process.exit(1);
}
if (!quick && results.some((r) => !r.pass)) process.exitCode = 0; // failures are reported, not fatal
