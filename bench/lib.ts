import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const QUICK = process.env.ZONEWALK_BENCH_QUICK === '1';

export interface BenchResult {
  name: string;
  median: number;
  p95: number;
  unit: string;
  target: number;
  /** 'lower' for times and memory, 'higher' for throughput ratios. */
  better: 'lower' | 'higher';
  pass: boolean;
  samples: number;
  note?: string;
}

export function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i];
}

export function record(r: Omit<BenchResult, 'pass'> & { pass?: boolean }): BenchResult {
  const pass = r.pass ?? (r.better === 'lower' ? r.median <= r.target : r.median >= r.target);
  const full = { ...r, pass };
  const out = process.env.ZONEWALK_BENCH_OUT;
  if (out) fs.appendFileSync(out, `${JSON.stringify(full)}\n`);
  return full;
}

/** Times `fn` `n` times (after `warmup` runs) and records median and p95 in milliseconds. */
export async function timeMs(
  name: string,
  opts: { n: number; warmup?: number; target: number; note?: string },
  fn: (i: number) => unknown,
): Promise<BenchResult> {
  for (let i = 0; i < (opts.warmup ?? 0); i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < opts.n; i++) {
    const t0 = process.hrtime.bigint();
    await fn(i);
    samples.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return record({
    name,
    median: quantile(samples, 0.5),
    p95: quantile(samples, 0.95),
    unit: 'ms',
    target: opts.target,
    better: 'lower',
    samples: samples.length,
    note: opts.note,
  });
}

export function benchDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `zonewalk-bench-${prefix}-`));
}
