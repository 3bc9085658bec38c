// Runs one report export in its own process so its peak RSS is its own. Bundled by
// reports.bench.ts with rolldown and started with node: `node worker.mjs xlsx|pdf SIZE OUTFILE [GAPS]`.
import fs from 'node:fs';
import { writeAtomically } from '../src/main/fsAtomic';
import { writeFindingsReport } from '../src/main/services/reports/findingsReportWriter';
import { writeGapRegister } from '../src/main/services/reports/gapRegisterWriter';
import { makeReportInput } from '../test/helpers/reportFixture';

const [kind, sizeArg, out, gapsArg] = process.argv.slice(2);
const size = Number(sizeArg);
const input =
  kind === 'xlsx'
    ? makeReportInput({ zones: 10, gaps: size, findings: 200, evidence: 200 })
    : makeReportInput({ zones: 10, gaps: Number(gapsArg ?? 5000), findings: size, evidence: 200 });
// The fixture names zones in German, Japanese, Turkish and Polish, so the CJK font is loaded too.
const t0 = performance.now();
await writeAtomically(out, kind, (stream) =>
  kind === 'xlsx' ? writeGapRegister(input, stream) : writeFindingsReport(input, stream),
);
const ms = performance.now() - t0;
process.stdout.write(
  `${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: fs.statSync(out).size })}\n`,
);
