import { it } from 'vitest';
import { writeAtomically } from '../../src/main/atomicWrite';
import { writeFindingsReport } from '../../src/main/services/reports/findingsReportWriter';
import { makeReportInput } from '../helpers/reportFixture';

it('probe', async () => {
  const input = makeReportInput({ gaps: 60, findings: 6, zones: 4, longComment: false });
  await writeAtomically('/tmp/zw/report.pdf', 'x', (out) => writeFindingsReport(input, out));
}, 120000);
