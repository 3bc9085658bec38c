import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'rolldown';
import { it } from 'vitest';
import { createServices } from '../src/main/services';
import { buildDemo } from '../src/main/services/demo';
import { benchDir, QUICK, quantile, record, timeMs } from './lib';

// Big exports run in a child process (bundled from reportsWorker.ts) so peak RSS is the export's own.

interface ChildResult {
  ms: number;
  maxRssMb: number;
  bytes: number;
}

/** Vite's `?raw` imports (the PDF prints docs/scoring.md), for rolldown: the file's text as a string. */
const rawText = {
  name: 'raw-text',
  resolveId(id: string, importer?: string) {
    if (!id.endsWith('?raw') || !importer) return null;
    return `${path.resolve(path.dirname(importer), id.slice(0, -'?raw'.length))}?raw`;
  },
  load(id: string) {
    if (!id.endsWith('?raw')) return null;
    return `export default ${JSON.stringify(fs.readFileSync(id.slice(0, -'?raw'.length), 'utf8'))};`;
  },
};

async function bundleWorker(): Promise<string> {
  // The bundle sits in bench/ so node resolves the external packages from the repo's node_modules.
  const file = path.join(import.meta.dirname, `.reports-worker-${process.pid}.mjs`);
  await build({
    input: path.join(import.meta.dirname, 'reportsWorker.ts'),
    platform: 'node',
    external: (id) => !id.startsWith('.') && !path.isAbsolute(id),
    output: { file, format: 'esm' },
    logLevel: 'silent',
    plugins: [rawText],
  });
  return file;
}

function runChild(worker: string, args: string[]): ChildResult {
  const out = execFileSync(process.execPath, [worker, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return JSON.parse(out.trim().split('\n').at(-1)!) as ChildResult;
}

function series(name: string, runs: ChildResult[], targets: { ms: number; rss: number }, note: string): void {
  const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
  const rss = runs.map((r) => r.maxRssMb).sort((a, b) => a - b);
  record({
    name,
    median: quantile(ms, 0.5),
    p95: quantile(ms, 0.95),
    unit: 'ms',
    target: targets.ms,
    better: 'lower',
    samples: ms.length,
    note,
  });
  record({
    name: `${name}: peak RSS`,
    median: quantile(rss, 0.5),
    p95: quantile(rss, 0.95),
    unit: 'MB',
    target: targets.rss,
    better: 'lower',
    samples: rss.length,
    note,
  });
}

it('reports: gap register of 50,000 gaps and a findings report of 1,000 findings, in a child process', async () => {
  const dir = benchDir('reports');
  const worker = await bundleWorker();
  try {
    const gaps = QUICK ? 2_000 : 50_000;
    const xlsx = Array.from({ length: QUICK ? 1 : 3 }, (_, i) =>
      runChild(worker, ['xlsx', String(gaps), path.join(dir, `r${i}.xlsx`)]),
    );
    series(
      `gap register, ${gaps.toLocaleString('en')} gap rows`,
      xlsx,
      { ms: 5_000, rss: 300 },
      `${Math.round(xlsx[0].bytes / 1024)} KB file`,
    );

    const findings = QUICK ? 30 : 1_000;
    const pdf = Array.from({ length: QUICK ? 1 : 3 }, (_, i) =>
      runChild(worker, ['pdf', String(findings), path.join(dir, `r${i}.pdf`), String(QUICK ? 300 : 5_000)]),
    );
    series(
      `findings report, ${findings.toLocaleString('en')} findings and 10 zone charts`,
      pdf,
      { ms: 15_000, rss: 500 },
      `${Math.round(pdf[0].bytes / 1024)} KB file`,
    );
  } finally {
    fs.rmSync(worker, { force: true });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

it("reports: the demo plant's gap register and findings report, each through the service", async () => {
  const dir = benchDir('reports-demo');
  const services = createServices(dir);
  try {
    const id = buildDemo(services).id;
    const gaps = services.score.get(id).gaps.length;
    for (const kind of ['gap-register', 'findings-report'] as const)
      await timeMs(
        `demo plant ${kind} (${gaps} gaps, model load + score + write)`,
        { n: QUICK ? 2 : 10, warmup: 1, target: 1_000 },
        () => services.reports.export(kind, id),
      );
  } finally {
    services.ws.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
